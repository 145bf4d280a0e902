import { describe, expect, it } from "vitest";

import { chooseCreateId, chooseStoredId } from "./choose-resource-id";

describe("chooseCreateId", () => {
  it("takes the id of a urn:uuid fullUrl first", () => {
    expect(chooseCreateId("urn:uuid:6b1f0c3e-0000-4000-8000-000000000001", { resourceType: "Patient", id: "other" })).toBe("6b1f0c3e-0000-4000-8000-000000000001");
  });

  it("falls back to the resource id", () => {
    expect(chooseCreateId("http://example.org/Patient/1", { resourceType: "Patient", id: "p1" })).toBe("p1");
  });

  it("derives the same id from the same content", () => {
    const first = chooseCreateId(undefined, { resourceType: "Patient", gender: "female" });
    const second = chooseCreateId(undefined, { resourceType: "Patient", gender: "female" });
    const other = chooseCreateId(undefined, { resourceType: "Patient", gender: "male" });

    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });
});

describe("chooseStoredId", () => {
  it("keeps a resource's own id, even an invalid one for validation to report", () => {
    expect(chooseStoredId("urn:uuid:u1", { resourceType: "Patient", id: "bad id" })).toBe("bad id");
  });
});
