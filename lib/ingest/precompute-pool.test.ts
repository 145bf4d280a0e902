import type { FhirResource, Patient } from "fhir/r4";
import { afterEach, describe, expect, it } from "vitest";

import { hasSampleData, readSampleResources } from "../fhir/read-sample-resources";
import { precomputeWrite, type PrecomputedWrite } from "../fhir/store/precompute-write";
import { precomputeChunk } from "./precompute-chunk";
import { PrecomputePool, type PoolWrite } from "./precompute-pool";

let pool: PrecomputePool | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

// Accents take two bytes in UTF-8, and backslashes, tabs and line breaks are escaped by COPY.
const awkwardPatient: Patient = {
  resourceType: "Patient",
  id: "pool-p1",
  meta: { versionId: "7", lastUpdated: "2020-01-01T00:00:00Z", profile: ["http://example.org/StructureDefinition/p"] },
  identifier: [{ system: "urn:test:pool\\system", value: "MRN\t1\nline" }],
  text: { status: "generated", div: '<div xmlns="http://www.w3.org/1999/xhtml">Back\\slash</div>' },
  name: [{ family: "Gómez", given: ["Zoë"] }],
  birthDate: "1975-03",
};

/** Returns the precomputed write with its COPY text as strings, however it was produced. */
function readable(precomputed: PrecomputedWrite | undefined): unknown {
  if (!precomputed) return undefined;
  const text = Object.fromEntries(Object.entries(precomputed.indexCopyText ?? {}).map(([table, value]) => [table, typeof value === "string" ? value : Buffer.from(value).toString("utf8")]));
  return { serialized: precomputed.serialized, indexCopyText: text };
}

async function precomputeInPool(resources: FhirResource[]): Promise<PoolWrite[]> {
  pool = await PrecomputePool.start();
  const writes: PoolWrite[] = resources.map((resource) => ({ resource }));
  for (const write of writes) pool.add(write);
  await pool.settled();
  return writes;
}

describe("PrecomputePool", () => {
  it("matches precomputeWrite on this thread", async () => {
    const [write] = await precomputeInPool([awkwardPatient]);

    expect(readable(write?.precomputed)).toEqual(readable(precomputeWrite(awkwardPatient, true)));
    expect(readable(write?.precomputed)).toMatchObject({ indexCopyText: { search_string: expect.stringContaining("\tgomez\n") } });
  });

  it.skipIf(!hasSampleData())("agrees with precomputeWrite for every sample resource", async () => {
    const resources = readSampleResources().map(({ resource }) => resource as FhirResource);
    const writes = await precomputeInPool(resources);

    writes.forEach((write, index) => {
      const resource = resources[index] as FhirResource;
      expect(readable(write.precomputed), `${resource.resourceType}/${resource.id ?? ""}`).toEqual(readable(precomputeWrite(resource, true)));
    });
  });

  it("falls back when the worker stops", async () => {
    pool = await PrecomputePool.start();
    const writes: PoolWrite[] = Array.from({ length: 300 }, (_, index) => ({ resource: { ...awkwardPatient, id: `pool-stop-${index}` } }));
    for (const write of writes) pool.add(write);

    const settled = pool.settled();
    await pool.close();
    await settled;
    pool.add({ resource: awkwardPatient });

    expect(writes.map((write) => readable(write.precomputed))).toEqual(writes.map((write) => readable(precomputeWrite(write.resource, true))));
  });

  it("precomputes queued writes after the worker stops", async () => {
    pool = await PrecomputePool.start();
    const writes: PoolWrite[] = Array.from({ length: 10 }, (_, index) => ({ resource: { ...awkwardPatient, id: `pool-queued-${index}` } }));
    for (const write of writes) pool.add(write);

    await pool.close();
    await pool.settled();

    expect(pool.precomputedInWorker).toBe(0);
    expect(writes.map((write) => readable(write.precomputed))).toEqual(writes.map((write) => readable(precomputeWrite(write.resource, true))));
  });

  it("leaves unserializable resources to the store", async () => {
    pool = await PrecomputePool.start();
    const cyclic = { ...awkwardPatient, id: "pool-cyclic" } as FhirResource & { self?: unknown };
    cyclic.self = cyclic;
    const write: PoolWrite = { resource: cyclic };

    pool.add(write);
    await pool.settled();

    expect(write.precomputed).toBeUndefined();
  });
});

describe("precomputeChunk", () => {
  it("leaves unreadable items to the store", () => {
    const good = { body: JSON.stringify({ resourceType: "Patient", id: "chunk-p1" }), keptMetaJson: "{}" };
    const result = precomputeChunk([{ body: "{not json", keptMetaJson: "{}" }, good]);

    expect(result.hashes[0]).toBe("");
    expect(result.hashes[1]).toBe(precomputeWrite(JSON.parse(good.body) as FhirResource).serialized.hash);
  });
});
