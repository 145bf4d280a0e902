import { createHash } from "node:crypto";

import type { Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { serializeResource, storedMetaJson, toStoredJson } from "./serialize-resource";

const patient: Patient = { resourceType: "Patient", id: "p1", gender: "female", birthDate: "1990-01-02" };

/** Computes the hash the way the store did before serializeResource, the way stored hashes were made. */
function earlierHash(resource: Patient): string {
  const { meta, ...rest } = resource;
  const keptMeta = { ...meta };
  delete keptMeta.versionId;
  delete keptMeta.lastUpdated;
  const hashed = Object.keys(keptMeta).length > 0 ? { ...rest, meta: keptMeta } : rest;
  return createHash("sha256").update(JSON.stringify(hashed)).digest("hex");
}

describe("serializeResource", () => {
  const cases: [string, Patient][] = [
    ["no meta", patient],
    ["only store-set meta", { ...patient, meta: { versionId: "3", lastUpdated: "2026-01-01T00:00:00Z" } }],
    ["sender meta first", { meta: { tag: [{ code: "demo" }], versionId: "2" }, ...patient }],
    ["sender meta last", { ...patient, meta: { profile: ["http://example.org/p"], source: "#a" } }],
  ];

  it.each(cases)("keeps the earlier hash with %s", (_, resource) => {
    expect(serializeResource(resource).hash).toBe(earlierHash(resource));
  });

  it.each(cases)("stores the resource with new meta with %s", (_, resource) => {
    const stored: unknown = JSON.parse(toStoredJson(serializeResource(resource), "5", "2026-03-04T05:06:07.000Z"));

    expect(stored).toEqual({ ...resource, meta: { ...resource.meta, versionId: "5", lastUpdated: "2026-03-04T05:06:07.000Z" } });
  });

  it.each(cases)("writes stored meta like JSON.stringify with %s", (_, resource) => {
    const keptMeta = { ...resource.meta };
    delete keptMeta.versionId;
    delete keptMeta.lastUpdated;

    const metaJson = storedMetaJson(serializeResource(resource), "5", "2026-03-04T05:06:07.000Z");

    expect(metaJson).toBe(JSON.stringify({ ...keptMeta, versionId: "5", lastUpdated: "2026-03-04T05:06:07.000Z" }));
  });
});
