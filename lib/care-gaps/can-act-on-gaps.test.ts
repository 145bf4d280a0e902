import { describe, expect, it } from "vitest";

import { canActOnGaps } from "./can-act-on-gaps";

describe("canActOnGaps", () => {
  it.each([
    ["own record", { patientId: "p1", viewing: "self", dependentAccess: null }, true],
    ["child under 13", { patientId: "child", viewing: "dependent", dependentAccess: "under-13" }, true],
    ["record a teen shared", { patientId: "teen", viewing: "dependent", dependentAccess: "granted" }, false],
    ["account without a Patient", { patientId: null, viewing: "self", dependentAccess: null }, false],
  ] as const)("%s", (_name, record, expected) => {
    expect(canActOnGaps(record)).toBe(expected);
  });
});
