import { describe, expect, it } from "vitest";

import type { DemoData } from "./generate-demo-data";
import { summarizeDemoData } from "./summarize-demo-data";

describe("summarizeDemoData", () => {
  it("counts resources per type", () => {
    const data = {
      resources: [
        { resourceType: "Patient", id: "p1" },
        { resourceType: "Coverage", id: "c1", status: "active", beneficiary: {}, payor: [] },
        { resourceType: "Patient", id: "p2" },
      ],
      accounts: [],
    } satisfies DemoData;

    const summary = summarizeDemoData(data);

    expect(summary).toEqual({ Coverage: 1, Patient: 2 });
  });

  it("sorts types by name", () => {
    const data = {
      resources: [
        { resourceType: "Patient", id: "p1" },
        { resourceType: "Location", id: "l1" },
      ],
      accounts: [],
    } satisfies DemoData;

    expect(Object.keys(summarizeDemoData(data))).toEqual(["Location", "Patient"]);
  });

  it("returns an empty summary for no resources", () => {
    expect(summarizeDemoData({ resources: [], accounts: [] })).toEqual({});
  });
});
