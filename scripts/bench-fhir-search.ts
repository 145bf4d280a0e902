// `npm run bench:search -- --members N`: FHIR search latency on a PostgreSQL store that contains a
// demo population of N members. The population is seeded once into the schema bench_search_<N>
// and kept, so a second run at the same size skips the seed; --drop removes the schema at the end.
// Searches run through the FHIR REST handler in this process, without HTTP, so the figures are
// the store's and the search engine's time. BENCHMARKS.md records the results.
//
// --access-trail N first stores AuditEvents for each sampled patient until it has N, as that many
// reads of their record over the FHIR API would, so the searches run against a member whose
// access log has grown. A second run tops the trail up rather than adding N more.
//
//   npm run bench:search -- [--members N] [--patients N] [--access-trail N] [--drop]
//
// PostgreSQL is BENCH_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test.
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";

import { restfulInteractionSystem } from "@/lib/audit/audit-codes";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { openDatabase } from "@/lib/db/database";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { sendFhirRequest } from "@/lib/fhir/rest/fhir-test-client";
import type { AccessScope } from "@/lib/fhir/search/access-scope";

const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "1000" },
    patients: { type: "string", default: "40" },
    "access-trail": { type: "string", default: "0" },
    drop: { type: "boolean", default: false },
  },
});
const members = Number(values.members);
const sampleSize = Number(values.patients);
const trailSize = Number(values["access-trail"]);
if (!Number.isInteger(members) || members < 1 || !Number.isInteger(sampleSize) || sampleSize < 1) {
  console.error(`--members "${values.members}" and --patients "${values.patients}" must be positive whole numbers.`);
  process.exit(2);
}
if (!Number.isInteger(trailSize) || trailSize < 0) {
  console.error(`--access-trail "${values["access-trail"]}" must be a whole number, 0 or more.`);
  process.exit(2);
}

/** Searches a member's app makes, each run once per sampled patient in that patient's scope. */
const patientSearches: Record<string, (patientId: string) => string> = {
  "claims, newest first": (id) => `ExplanationOfBenefit?patient=${id}&_sort=-created&_count=20`,
  "labs, newest first": (id) => `Observation?patient=${id}&category=laboratory&_sort=-date&_count=50`,
  "conditions": (id) => `Condition?patient=${id}&_count=100`,
  "coverage": (id) => `Coverage?beneficiary=${id}`,
  "encounters in 2026": (id) => `Encounter?patient=${id}&date=ge2026-01-01&date=lt2027-01-01`,
  "claims with includes": (id) => `ExplanationOfBenefit?patient=${id}&_count=10&_include=ExplanationOfBenefit:provider`,
  "everything": (id) => `Patient/${id}/$everything`,
};

/** Searches across the population, as an admin or a backend client makes them, run once per sample. */
const populationSearches: Record<string, (index: number) => string> = {
  "patients by family name": (index) => `Patient?family=${["Smith", "Garcia", "Nguyen", "Johnson", "Lee"][index % 5]}&_count=20`,
  "patients born in a year": (index) => `Patient?birthdate=${1950 + (index % 60)}&_count=20&_total=accurate`,
  "claims created in a month": (index) => `ExplanationOfBenefit?created=2026-${String((index % 11) + 1).padStart(2, "0")}&_count=20`,
  "HbA1c above 9%": () => "Observation?code=http://loinc.org|4548-4&value-quantity=gt9&_count=20",
};

const schema = `bench_search_${members}`;
const db = await openDatabase({ url: postgresUrl, schema });
try {
  await applyMigrations(db);
  const seedStarted = performance.now();
  const seeded = await seedDemoData(db, {
    members,
    onProgress: (progress) => process.stderr.write(`\rseeding: ${progress.membersDone}/${progress.members} members, ${progress.resources} resources`),
  });
  if (seeded) {
    const seconds = (performance.now() - seedStarted) / 1000;
    console.log(`\nseeded ${seeded.resources} resources for ${members} members in ${seconds.toFixed(0)} s (${Math.round(seeded.resources / seconds)}/s)`);
    await db.exec("ANALYZE");
  }
  const resourceCount = (await db.sql.query<{ count: number }>("SELECT count(*)::int AS count FROM resource"))[0]?.count ?? 0;
  const patients = await db.sql.query<{ id: string }>("SELECT id FROM resource WHERE resource_type = 'Patient' ORDER BY md5(id) LIMIT $1", [sampleSize]);
  const added = await growAccessTrails(patients.map((patient) => patient.id));
  if (added > 0) await db.exec("ANALYZE");

  console.log(`${members} members, ${resourceCount} resources, ${patients.length} sampled patients, each with at least ${trailSize} AuditEvents (${added} added now)`);
  console.log("search | scope | requests | median ms | p95 ms | max ms | mean results");
  for (const [name, url] of Object.entries(patientSearches)) {
    await report(name, "member", patients.map((patient) => ({ url: url(patient.id), scope: { kind: "patients", patientIds: [patient.id] } })));
  }
  for (const [name, url] of Object.entries(populationSearches)) {
    await report(name, "admin", patients.map((_, index) => ({ url: url(index), scope: { kind: "all" } })));
  }
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2) ?? "?"} at the end`);
} finally {
  if (values.drop) await db.exec(`DROP SCHEMA "${schema}" CASCADE`);
  await db.close();
}

/**
 * Stores AuditEvents of FHIR reads for each patient until it has trailSize of them, and returns
 * how many were stored. Each names the patient and one of their claims, as a read would.
 */
async function growAccessTrails(patientIds: string[]): Promise<number> {
  let added = 0;
  for (const [index, patientId] of patientIds.entries()) {
    const [counted] = await db.sql.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM resource_compartment WHERE compartment_type = 'Patient' AND compartment_id = $1 AND resource_type = 'AuditEvent'",
      [patientId],
    );
    const claims = await db.sql.query<{ id: string }>(
      "SELECT resource_id AS id FROM search_reference WHERE resource_type = 'ExplanationOfBenefit' AND param = 'patient' AND target_type = 'Patient' AND target_id = $1 LIMIT 1",
      [patientId],
    );
    const resources = claims.map((claim) => `ExplanationOfBenefit/${claim.id}`);
    for (let stored = counted?.count ?? 0; stored < trailSize; stored++) {
      await recordAuditEvent(db, {
        action: "R",
        subtype: { system: restfulInteractionSystem, code: "read" },
        agents: [{ kind: "user", id: "bench-search", display: "Benchmark" }],
        patientIds: [patientId],
        resources,
        outcome: "0",
        requestId: randomUUID(),
        recorded: new Date(),
      });
      added++;
    }
    process.stderr.write(`\raccess trails: ${index + 1}/${patientIds.length} patients, ${added} AuditEvents added`);
  }
  if (patientIds.length > 0) process.stderr.write("\n");
  return added;
}

async function report(name: string, scopeName: string, requests: { url: string; scope: AccessScope }[]): Promise<void> {
  const first = requests[0];
  if (first) await sendFhirRequest(db, first.url, { scope: first.scope });

  const times: number[] = [];
  let results = 0;
  for (const request of requests) {
    const started = performance.now();
    const response = await sendFhirRequest(db, request.url, { scope: request.scope, context: { now: () => new Date() } });
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${request.url} returned ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    results += (response.body as { entry?: unknown[] }).entry?.length ?? 0;
  }

  times.sort((a, b) => a - b);
  const at = (fraction: number): string => (times[Math.min(times.length - 1, Math.floor(fraction * times.length))] ?? 0).toFixed(1);
  console.log(`${name} | ${scopeName} | ${times.length} | ${at(0.5)} | ${at(0.95)} | ${at(1)} | ${(results / times.length).toFixed(1)}`);
}
