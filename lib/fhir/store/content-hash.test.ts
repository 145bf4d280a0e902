import type { Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { contentHash } from "./content-hash";

const patient: Patient = { resourceType: "Patient", id: "p1", gender: "female" };

describe("contentHash", () => {
  it("ignores the meta fields the store sets", () => {
    const stored: Patient = { ...patient, meta: { versionId: "4", lastUpdated: "2026-01-01T00:00:00Z" } };

    expect(contentHash(stored)).toBe(contentHash(patient));
  });

  it("counts meta fields the sender sets", () => {
    const tagged: Patient = { ...patient, meta: { tag: [{ code: "demo" }] } };

    expect(contentHash(tagged)).not.toBe(contentHash(patient));
  });

  it("counts any change of content", () => {
    expect(contentHash({ ...patient, gender: "male" })).not.toBe(contentHash(patient));
  });
});
