// Measures how long the server takes to build every health-record view model for one patient
// with about 5,000 resources. Run: npx tsx lib/health-record/bench/measure-health-record.ts
// (TEST_DATABASE_URL selects PostgreSQL, else an in-memory PGlite).
import path from "node:path";

import type { FhirResource } from "fhir/r4";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { FhirStore } from "../../fhir/store/fhir-store";
import { importPaths } from "../../ingest/import-paths";
import { getHealthSummary } from "../get-health-summary";
import { syntheaDir, syntheaPatients } from "../testing/synthea-patients";

const targetResources = 5_000;
const runs = 30;
const clinicalTypes = ["Encounter", "Condition", "MedicationRequest", "Immunization", "AllergyIntolerance", "Procedure", "Observation"] as const;

const db = await openTestDatabase();
try {
  const store = new FhirStore(db);
  const patientId = syntheaPatients.louis.patientId;
  await importPaths(db, [path.join(syntheaDir, syntheaPatients.louis.file), path.join(syntheaDir, syntheaPatients.morris.file)]);
  const total = await growRecord(db, store, patientId);

  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const startedAt = performance.now();
    // getHealthSummary builds every section's view models, lab results and trends included.
    await getHealthSummary(store, patientId);
    durations.push(performance.now() - startedAt);
  }
  durations.sort((left, right) => left - right);
  console.log(JSON.stringify({ backend: process.env.TEST_DATABASE_URL ? "postgresql" : "pglite", resourcesInCompartment: total, runs, medianMs: percentile(durations, 0.5), p95Ms: percentile(durations, 0.95) }));
} finally {
  await db.close();
}

/** Copies the patient's clinical resources under new ids until the compartment contains about `targetResources`. */
async function growRecord(db: Database, store: FhirStore, patientId: string): Promise<number> {
  const originals: FhirResource[] = (await Promise.all(clinicalTypes.map((type) => store.listInPatientCompartment(patientId, type)))).flat();
  const copies = Math.ceil((targetResources - (await countCompartment(db, patientId))) / originals.length);

  for (let copy = 1; copy <= copies; copy += 1) {
    await store.writeAll(originals.map((resource) => ({ kind: "put", resource: { ...resource, id: `${resource.id}-copy${copy}` } })));
  }
  return countCompartment(db, patientId);
}

async function countCompartment(db: Database, patientId: string): Promise<number> {
  const rows = await db.sql.query<{ count: number }>("SELECT count(*)::int AS count FROM resource_compartment WHERE compartment_type = 'Patient' AND compartment_id = $1", [patientId]);
  return rows[0]?.count ?? 0;
}

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return Math.round((sorted[index] ?? Number.NaN) * 10) / 10;
}
