import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Bundle, BundleEntry, FhirResource, Encounter, Observation, Patient, Practitioner } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { importPaths } from "./import-paths";
import { formatRejection } from "./import-rejection";

let db: Database;
let dir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "lakeview-import-rejections-"));
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const patient = (id: string): Patient => ({ resourceType: "Patient", id, gender: "female", birthDate: "1980-05-17" });

const observation = (id: string, subject: string): Observation => ({
  resourceType: "Observation",
  id,
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] },
  subject: { reference: subject },
});

const encounter = (id: string, practitioner: string): Encounter => ({
  resourceType: "Encounter",
  id,
  status: "finished",
  class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB" },
  participant: [{ individual: { reference: practitioner } }],
});

const practitioner = (id: string, npi: string): Practitioner => ({
  resourceType: "Practitioner",
  id,
  identifier: [{ system: "http://hl7.org/fhir/sid/us-npi", value: npi }],
});

const post = (fullUrl: string, resource: object): BundleEntry<FhirResource> =>
  ({ fullUrl, resource, request: { method: "POST", url: (resource as { resourceType: string }).resourceType } }) as BundleEntry<FhirResource>;

interface RejectionCase {
  name: string;
  /** File name → content; objects are written as JSON. */
  files: Record<string, unknown>;
  /** Every rejection, formatted, with paths relative to the case folder. */
  rejections: string[];
  /** Resources of this case stored afterwards, by type. */
  stored: Record<string, number>;
  failedFiles: number;
}

const cases: RejectionCase[] = [
  {
    name: "invalid resource in a collection bundle leaves the others loaded",
    files: {
      "collection.json": {
        resourceType: "Bundle",
        type: "collection",
        entry: [
          { fullUrl: "urn:uuid:c1-p1", resource: patient("c1-p1") },
          { fullUrl: "urn:uuid:c1-p2", resource: { ...patient("c1-p2"), birthDate: "1980-13-45" } },
          { fullUrl: "urn:uuid:c1-o1", resource: observation("c1-o1", "urn:uuid:c1-p1") },
        ],
      } satisfies Bundle<FhirResource>,
    },
    rejections: [
      'collection.json Bundle.entry[1] Patient: Patient.birthDate "1980-13-45" is not a valid FHIR date. Use YYYY, YYYY-MM or YYYY-MM-DD. (at Patient.birthDate)',
    ],
    stored: { Observation: 1, Patient: 1 },
    failedFiles: 0,
  },
  {
    name: "invalid entry in a transaction stores nothing",
    files: {
      "transaction.json": {
        resourceType: "Bundle",
        type: "transaction",
        entry: [
          post("urn:uuid:c2-p1", patient("c2-p1")),
          post("urn:uuid:c2-o1", observation("c2-o1", "urn:uuid:c2-p1")),
          post("urn:uuid:c2-o2", { ...observation("c2-o2", "urn:uuid:c2-p1"), status: undefined }),
        ],
      },
    },
    rejections: [
      "transaction.json Bundle.entry[2] Observation: Observation.status is required (cardinality 1..1) but missing. Add it. (at Observation.status)",
      "transaction.json Bundle: Transaction rejected: 1 of 3 entries failed (listed above), so nothing from this bundle was stored.",
    ],
    stored: {},
    failedFiles: 0,
  },
  {
    name: "unresolvable conditional reference rejects a transaction",
    files: {
      "transaction.json": {
        resourceType: "Bundle",
        type: "transaction",
        entry: [post("urn:uuid:c3-p1", patient("c3-p1")), post("urn:uuid:c3-e1", encounter("c3-e1", "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999999993"))],
      },
    },
    rejections: [
      "transaction.json Bundle.entry[1] Encounter: Conditional reference Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999999993 matches no Practitioner; it must match exactly one. Import the file that holds the Practitioner first, or fix the identifier. (at Encounter.participant[0].individual.reference)",
      "transaction.json Bundle: Transaction rejected: 1 of 2 entries failed (listed above), so nothing from this bundle was stored.",
    ],
    stored: {},
    failedFiles: 0,
  },
  {
    name: "unresolvable conditional reference rejects only its batch entry",
    files: {
      "batch.json": {
        resourceType: "Bundle",
        type: "batch",
        entry: [post("urn:uuid:c4-p1", patient("c4-p1")), post("urn:uuid:c4-e1", encounter("c4-e1", "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999999994"))],
      },
    },
    rejections: [
      "batch.json Bundle.entry[1] Encounter: Conditional reference Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999999994 matches no Practitioner; it must match exactly one. Import the file that holds the Practitioner first, or fix the identifier. (at Encounter.participant[0].individual.reference)",
    ],
    stored: { Patient: 1 },
    failedFiles: 0,
  },
  {
    name: "ambiguous conditional reference is rejected",
    files: {
      "batch.json": {
        resourceType: "Bundle",
        type: "batch",
        entry: [
          { resource: practitioner("c5-dr1", "9999999995"), request: { method: "PUT", url: "Practitioner/c5-dr1" } },
          { resource: practitioner("c5-dr2", "9999999995"), request: { method: "PUT", url: "Practitioner/c5-dr2" } },
          post("urn:uuid:c5-e1", encounter("c5-e1", "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999999995")),
        ],
      } satisfies Bundle<FhirResource>,
    },
    rejections: [
      "batch.json Bundle.entry[2] Encounter: Conditional reference Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999999995 matches 2 Practitioner resources (c5-dr1, c5-dr2); it must match exactly one. Import the file that holds the Practitioner first, or fix the identifier. (at Encounter.participant[0].individual.reference)",
    ],
    stored: { Practitioner: 2 },
    failedFiles: 0,
  },
  {
    name: "urn:uuid reference to no entry is rejected",
    files: {
      "collection.json": {
        resourceType: "Bundle",
        type: "collection",
        entry: [{ fullUrl: "urn:uuid:c6-o1", resource: observation("c6-o1", "urn:uuid:c6-missing") }],
      } satisfies Bundle<FhirResource>,
    },
    rejections: [
      'collection.json Bundle.entry[0] Observation: Reference "urn:uuid:c6-missing" matches no entry\'s fullUrl in this file; add that entry or use a relative reference such as Patient/123. (at Observation.subject.reference)',
    ],
    stored: {},
    failedFiles: 0,
  },
  {
    name: "malformed NDJSON lines report their line numbers",
    files: {
      "patients.ndjson": [
        JSON.stringify(patient("c7-p1")),
        '{"resourceType": "Patient", "id": "c7-p2"',
        "",
        "[1, 2]",
        JSON.stringify(observation("c7-o2", "urn:uuid:c7-p1")),
        JSON.stringify(observation("c7-o1", "Patient/c7-p1")),
      ].join("\n"),
    },
    rejections: [
      "patients.ndjson line 2: Line is not valid JSON (Expected ',' or '}' after property value at character 41); fix it or leave it out of the import.",
      "patients.ndjson line 4: Line is JSON but not a FHIR resource: expected an object with a resourceType.",
      'patients.ndjson line 5 Observation: Reference "urn:uuid:c7-p1" matches no entry\'s fullUrl in this file; add that entry or use a relative reference such as Patient/123. (at Observation.subject.reference)',
    ],
    stored: { Observation: 1, Patient: 1 },
    failedFiles: 0,
  },
  {
    name: "file that is not JSON is rejected whole",
    files: { "notes.json": "Visit notes, not FHIR" },
    rejections: ["notes.json: File is not valid JSON (Unexpected token 'V'); fix it or leave it out of the import."],
    stored: {},
    failedFiles: 1,
  },
  {
    name: "JSON that is not a resource is rejected whole",
    files: { "settings.json": { theme: "dark" } },
    rejections: ["settings.json: File is JSON but not a FHIR resource: expected an object with a resourceType, found an object without a resourceType."],
    stored: {},
    failedFiles: 1,
  },
  {
    name: "unreadable file is rejected whole",
    files: { "gone.json": { symlinkTo: "missing.json" } },
    rejections: ["gone.json: File could not be read (ENOENT); check that it exists and is readable."],
    stored: {},
    failedFiles: 1,
  },
  {
    name: "history bundle is rejected whole",
    files: { "history.json": { resourceType: "Bundle", type: "history", entry: [] } },
    rejections: [
      'history.json: Bundle type "history" cannot be imported; the import applies transaction, batch, collection, searchset and document bundles. (at Bundle.type)',
    ],
    stored: {},
    failedFiles: 1,
  },
  {
    name: "GET entry in a batch is rejected",
    files: {
      "batch.json": {
        resourceType: "Bundle",
        type: "batch",
        entry: [{ request: { method: "GET", url: "Patient/c12-p1" } }, post("urn:uuid:c12-p2", patient("c12-p2"))],
      } satisfies Bundle<FhirResource>,
    },
    rejections: ['batch.json Bundle.entry[0] Patient: request.method "GET" is not applied by the import; use POST, PUT or DELETE. (at Bundle.entry[0].request.method)'],
    stored: { Patient: 1 },
    failedFiles: 0,
  },
  {
    name: "bundle with no entries is rejected whole",
    files: {
      "empty-batch.json": { resourceType: "Bundle", type: "batch", entry: [] },
      "no-entry.json": { resourceType: "Bundle", type: "collection" },
    },
    rejections: [
      "empty-batch.json: Bundle has no entries, so it contains no resource to import.",
      "no-entry.json: Bundle has no entries, so it contains no resource to import.",
    ],
    stored: {},
    failedFiles: 2,
  },
  {
    name: "NUL character in a string is rejected",
    files: {
      "collection.json": {
        resourceType: "Bundle",
        type: "collection",
        entry: [
          { fullUrl: "urn:uuid:c14-p1", resource: patient("c14-p1") },
          { fullUrl: "urn:uuid:c14-p2", resource: { ...patient("c14-p2"), name: [{ family: "Ri\u0000vera" }] } },
        ],
      },
    },
    rejections: [
      'collection.json Bundle.entry[1] Patient: Patient.name[0].family "Ri\\u0000vera" is not a valid FHIR string. Remove the control characters: FHIR strings may contain tab, CR and LF, and no other character below U+0020. (at Patient.name[0].family)',
    ],
    stored: { Patient: 1 },
    failedFiles: 0,
  },
];

/** Writes each file; `{ symlinkTo }` makes a symbolic link instead, to a target that may not exist. */
async function writeCase(caseDir: string, files: Record<string, unknown>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === "object" && content !== null && "symlinkTo" in content && typeof content.symlinkTo === "string") {
      await symlink(content.symlinkTo, path.join(caseDir, name));
    } else {
      await writeFile(path.join(caseDir, name), typeof content === "string" ? content : JSON.stringify(content));
    }
  }
}

async function countStoredWithPrefix(prefix: string): Promise<Record<string, number>> {
  const rows = await db.prisma.$queryRawUnsafe<{ resource_type: string; n: number }[]>(
    "SELECT resource_type, count(*)::int AS n FROM resource WHERE id LIKE $1 AND NOT deleted GROUP BY resource_type ORDER BY resource_type",
    `${prefix}-%`,
  );
  return Object.fromEntries(rows.map((row) => [row.resource_type, row.n]));
}

describe("importPaths rejections", () => {
  it.each(cases.map((testCase, index) => ({ ...testCase, prefix: `c${index + 1}` })))("$name", async ({ files, rejections, stored, failedFiles, prefix }) => {
    const caseDir = await mkdtemp(path.join(dir, `${prefix}-`));
    await writeCase(caseDir, files);

    const report = await importPaths(db, [caseDir]);

    expect(report.rejections.map((rejection) => formatRejection({ ...rejection, file: path.relative(caseDir, rejection.file) }))).toEqual(rejections);
    expect(await countStoredWithPrefix(prefix)).toEqual(stored);
    expect(report.files.failed).toBe(failedFiles);
  });
});
