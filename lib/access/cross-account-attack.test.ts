import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Bundle, Coverage, FhirResource, Group, Observation, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addToPanel, addUser } from "../care/testing/care-fixtures";
import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import type { SqlClient } from "../db/sql-client";
import { downloadExportFile } from "../fhir/bulk/download-export-file";
import { whenBulkExportSettled } from "../fhir/bulk/ensure-bulk-export-running";
import type { FhirResponse } from "../fhir/rest/fhir-request";
import { sendFhirRequest, TEST_BASE_URL } from "../fhir/rest/fhir-test-client";
import { getAccessScope } from "../fhir/rest/get-access-scope";
import type { AccessScope } from "../fhir/search/access-scope";
import { FhirStore } from "../fhir/store/fhir-store";
import { storeMeasures } from "../measures/store-own-measures";

// Two families and two care managers with disjoint panels. Every id of family A contains "-fa-"
// and every id of family B "-fb-", so a leak shows as that marker in a body or a header. Each
// attack is sent twice: against the other family's real ids, and against the same ids with the
// marker swapped for "-xx-", which names nothing stored. The two responses must be equal.

const families = {
  a: { marker: "-fa-", names: ["Zephyrine", "Marigold", "Alcottson"] },
  b: { marker: "-fb-", names: ["Quillon", "Isadora", "Brightwater"] },
} as const;
const ABSENT_MARKER = "-xx-";

function person(id: string, given: string, family: string, birthDate: string): Patient {
  return { resourceType: "Patient", id, name: [{ family, given: [given] }], birthDate, managingOrganization: { reference: "Organization/org-plan" } };
}

function glucose(id: string, patientId: string, value: number): Observation {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code: "2339-0" }] },
    subject: { reference: `Patient/${patientId}` },
    performer: [{ reference: "Organization/org-plan" }],
    valueQuantity: { value, unit: "mg/dL" },
  };
}

function coverage(id: string, subscriberId: string, beneficiaryId: string): Coverage {
  return {
    resourceType: "Coverage",
    id,
    status: "active",
    subscriber: { reference: `Patient/${subscriberId}` },
    beneficiary: { reference: `Patient/${beneficiaryId}` },
    payor: [{ reference: "Organization/org-plan" }],
    period: { start: "2026-01-01", end: "2026-12-31" },
  };
}

const fixtures = [
  { resourceType: "Organization", id: "org-plan", name: "Lakeview Health Plan" },
  person("pat-fa-sub", "Zephyrine", "Alcottson", "1980-02-03"),
  person("pat-fa-kid", "Marigold", "Alcottson", "2018-05-06"),
  coverage("cov-fa-sub", "pat-fa-sub", "pat-fa-sub"),
  coverage("cov-fa-kid", "pat-fa-sub", "pat-fa-kid"),
  glucose("obs-fa-sub", "pat-fa-sub", 101),
  glucose("obs-fa-kid", "pat-fa-kid", 88),
  person("pat-fb-sub", "Quillon", "Brightwater", "1975-07-08"),
  person("pat-fb-spouse", "Isadora", "Brightwater", "1977-09-10"),
  coverage("cov-fb-sub", "pat-fb-sub", "pat-fb-sub"),
  coverage("cov-fb-spouse", "pat-fb-sub", "pat-fb-spouse"),
  glucose("obs-fb-sub", "pat-fb-sub", 212),
  glucose("obs-fb-spouse", "pat-fb-spouse", 97),
  {
    resourceType: "Group",
    id: "grp-fb-all",
    type: "person",
    actual: true,
    member: [{ entity: { reference: "Patient/pat-fb-sub" } }, { entity: { reference: "Patient/pat-fb-spouse" } }],
  } satisfies Group,
] satisfies FhirResource[];

interface Attacker {
  name: string;
  scope: AccessScope;
  /** The family whose ids the attacker must never reach. */
  victim: keyof typeof families;
}

let db: Database;
let exportDir: string;
const attackers: Attacker[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  exportDir = await mkdtemp(path.join(tmpdir(), "lakeview-attack-"));
  await new FhirStore(db).writeAll(fixtures.map((resource) => ({ kind: "put" as const, resource })));
  await storeMeasures(db);

  const memberA = await addUser(db, "member", "Member A", "pat-fa-sub");
  const memberB = await addUser(db, "member", "Member B", "pat-fb-sub");
  const managerA = await addUser(db, "care_manager", "Manager A");
  const managerB = await addUser(db, "care_manager", "Manager B");
  await addToPanel(db, managerA, ["pat-fa-sub"]);
  await addToPanel(db, managerB, ["pat-fb-sub", "pat-fb-spouse"]);

  const scopeOf = (id: string, role: "member" | "care_manager", patientId: string | null): Promise<AccessScope> => getAccessScope(db, { id, name: "attacker", role, patientId });
  attackers.push(
    { name: "member A", scope: await scopeOf(memberA, "member", "pat-fa-sub"), victim: "b" },
    { name: "member B", scope: await scopeOf(memberB, "member", "pat-fb-sub"), victim: "a" },
    { name: "care manager A", scope: await scopeOf(managerA, "care_manager", null), victim: "b" },
    { name: "care manager B", scope: await scopeOf(managerB, "care_manager", null), victim: "a" },
  );
});

afterAll(async () => {
  await db.close();
  await rm(exportDir, { recursive: true, force: true });
});

interface Attack {
  name: string;
  method?: string;
  /**
   * The URL, written against family B's ids. Each run swaps "-fb-" for the victim's marker, and
   * "{family}" for the victim's family name in both runs.
   */
  url: string;
  body?: unknown;
  /** The status the policy gives: 404 hides foreign data, 403 refuses a capability, 200 filters. */
  status: number;
}

const year = "periodStart=2026-01-01&periodEnd=2026-12-31";
const glucoseView = {
  resourceType: "ViewDefinition",
  name: "glucose",
  resource: "Observation",
  select: [{ column: [{ name: "id", path: "getResourceKey()", type: "id" }, { name: "patient_id", path: "subject.getReferenceKey(Patient)", type: "id" }] }],
};
const runParameters = (...extra: unknown[]): unknown => ({ resourceType: "Parameters", parameter: [{ name: "viewResource", resource: glucoseView }, ...extra] });
const transaction = (method: string, url: string, resource?: FhirResource): unknown => ({
  resourceType: "Bundle",
  type: "transaction",
  entry: [{ request: { method, url }, ...(resource ? { resource } : {}) }],
});

const attacks: Attack[] = [
  { name: "read Patient by guessed id", url: "Patient/pat-fb-sub", status: 404 },
  { name: "read Observation by guessed id", url: "Observation/obs-fb-sub", status: 404 },
  { name: "read Coverage by guessed id", url: "Coverage/cov-fb-spouse", status: 404 },
  { name: "read Group by guessed id", url: "Group/grp-fb-all", status: 404 },
  { name: "vread", url: "Observation/obs-fb-sub/_history/1", status: 404 },
  { name: "instance history", url: "Observation/obs-fb-sub/_history", status: 404 },
  { name: "type history", url: "Observation/_history", status: 200 },
  { name: "search by patient", url: "Observation?patient=pat-fb-sub", status: 200 },
  { name: "search by subject", url: "Observation?subject=Patient/pat-fb-spouse", status: 200 },
  { name: "search by _id", url: "Patient?_id=pat-fb-sub,pat-fb-spouse", status: 200 },
  { name: "search Coverage by beneficiary", url: "Coverage?beneficiary=pat-fb-spouse", status: 200 },
  { name: "search Coverage by subscriber", url: "Coverage?subscriber=pat-fb-sub", status: 200 },
  { name: "POST _search", method: "POST", url: "Observation/_search?patient=pat-fb-sub", status: 200 },
  { name: "_include from own data", url: "Observation?_include=Observation:subject&_include=Observation:performer", status: 200 },
  { name: "_include from a guessed id", url: "Coverage?_id=cov-fb-spouse&_include=Coverage:beneficiary", status: 200 },
  { name: "_revinclude onto the directory", url: "Organization?_revinclude=Observation:performer&_revinclude=Coverage:payor", status: 200 },
  { name: "_revinclude from a guessed Patient", url: "Patient?_id=pat-fb-sub&_revinclude=Observation:subject", status: 200 },
  { name: "chained search by family name", url: "Observation?subject:Patient.family={family}", status: 200 },
  { name: "chained search on Coverage", url: "Coverage?beneficiary:Patient.family={family}", status: 200 },
  { name: "chained search by id", url: "Observation?subject:Patient._id=pat-fb-sub", status: 200 },
  { name: "_has reverse chain", url: "Patient?_has:Observation:subject:value-quantity=gt200", status: 200 },
  { name: "$everything", url: "Patient/pat-fb-sub/$everything", status: 404 },
  { name: "system $export", url: "$export", status: 403 },
  { name: "Group $export", url: "Group/grp-fb-all/$export", status: 403 },
  { name: "$run with a patient filter", method: "POST", url: "ViewDefinition/$run", body: runParameters({ name: "patient", valueReference: { reference: "Patient/pat-fb-sub" } }), status: 404 },
  { name: "$run with a group filter", method: "POST", url: "ViewDefinition/$run", body: runParameters({ name: "group", valueReference: { reference: "Group/grp-fb-all" } }), status: 404 },
  { name: "$run over the store", method: "POST", url: "ViewDefinition/$run", body: runParameters(), status: 200 },
  { name: "$run as CSV", method: "POST", url: "ViewDefinition/$run?_format=csv", body: runParameters(), status: 200 },
  { name: "$care-gaps for a foreign subject", url: `Measure/$care-gaps?${year}&subject=Patient/pat-fb-sub`, status: 404 },
  { name: "$care-gaps for a foreign Group", url: `Measure/$care-gaps?${year}&subject=Group/grp-fb-all`, status: 404 },
  { name: "$evaluate-measure for a foreign subject", url: `Measure/lakeview-cms147/$evaluate-measure?${year}&subject=Patient/pat-fb-sub`, status: 404 },
  { name: "update by guessed id", method: "PUT", url: "Observation/obs-fb-sub", body: glucose("obs-fb-sub", "pat-fb-sub", 1), status: 403 },
  { name: "conditional update", method: "PUT", url: "Observation?subject=Patient/pat-fb-sub", body: glucose("obs-fb-sub", "pat-fb-sub", 1), status: 403 },
  { name: "conditional delete", method: "DELETE", url: "Observation?patient=pat-fb-sub", status: 403 },
  { name: "delete by guessed id", method: "DELETE", url: "Coverage/cov-fb-spouse", status: 403 },
  { name: "transaction reading a foreign resource", method: "POST", url: "", body: transaction("GET", "Observation/obs-fb-sub"), status: 404 },
  { name: "transaction deleting a foreign resource", method: "POST", url: "", body: transaction("DELETE", "Observation/obs-fb-sub"), status: 403 },
  { name: "transaction updating a foreign resource", method: "POST", url: "", body: transaction("PUT", "Observation/obs-fb-sub", glucose("obs-fb-sub", "pat-fb-sub", 1)), status: 403 },
  {
    name: "batch reading foreign resources",
    method: "POST",
    url: "",
    body: { resourceType: "Bundle", type: "batch", entry: [{ request: { method: "GET", url: "Patient/pat-fb-sub" } }, { request: { method: "GET", url: "Coverage?beneficiary=pat-fb-spouse" } }] },
    status: 200,
  },
];

/** Headers that name a resource or its version, which must never point at foreign data. */
const LEAKY_HEADERS = ["location", "content-location", "etag", "last-modified"];

function send(attacker: Attacker, attack: Attack, marker: string, database: Database = db): Promise<FhirResponse> {
  const swap = (text: string): string => text.replaceAll(families.b.marker, marker).replaceAll("{family}", families[attacker.victim].names[2]);
  return sendFhirRequest(database, swap(attack.url), {
    method: attack.method ?? "GET",
    scope: attacker.scope,
    body: attack.body === undefined ? undefined : swap(JSON.stringify(attack.body)),
    headers: { "content-type": "application/fhir+json", prefer: "respond-async" },
    // Bulk export writes what changed up to its transaction time, so it needs the real clock.
    context: { bulkExport: { exportDir }, ...(attack.url.includes("$export") ? { now: () => new Date() } : {}) },
  });
}

/** Serializes status, headers and body with `from` replaced by `to`, so the foreign and the absent run compare equal. */
function comparable(response: FhirResponse, from: string, to: string): string {
  const body = typeof response.body === "string" ? response.body : JSON.stringify(response.body ?? null);
  return JSON.stringify({ status: response.status, headers: response.headers, body }).replaceAll(from, to);
}

/** Removes what the attacker sent (the URL and body echo back in links and messages) before looking for leaks. */
function withoutEcho(response: FhirResponse): string {
  const body = typeof response.body === "string" ? response.body : JSON.stringify(response.body ?? null);
  return body.replace(/"(url|diagnostics)":"[^"]*"/g, '"$1":""');
}

describe.each([0, 1, 2, 3])("cross-account attack by attacker %i", (index) => {
  it.each(attacks)("$name gets the same answer as for absent ids", async (attack) => {
    const attacker = attackers[index];
    if (!attacker) throw new Error(`attacker ${index} was not set up`);
    const victim = families[attacker.victim];

    const foreign = await send(attacker, attack, victim.marker);
    const absent = await send(attacker, attack, ABSENT_MARKER);

    expect(foreign.status).toBe(attack.status);
    expect(comparable(foreign, victim.marker, "-?-")).toBe(comparable(absent, ABSENT_MARKER, "-?-"));
    for (const name of victim.names) expect(withoutEcho(foreign)).not.toContain(name);
    expect(withoutEcho(foreign)).not.toContain(victim.marker);
    for (const header of LEAKY_HEADERS) expect(foreign.headers[header] ?? "").not.toContain(victim.marker);
  });
});

describe("cross-account attack: Patient/$export", () => {
  it.each([0, 1, 2, 3])("attacker %i exports none of the other family's data", async (index) => {
    const attacker = attackers[index];
    if (!attacker) throw new Error(`attacker ${index} was not set up`);
    const victim = families[attacker.victim];

    const kickOff = await send(attacker, { name: "export", url: "Patient/$export", status: 202 }, victim.marker);
    const jobId = (kickOff.headers["content-location"] ?? "").split("/bulk-status/")[1] ?? "";
    await whenBulkExportSettled(jobId);
    const status = await sendFhirRequest(db, `bulk-status/${jobId}`, { scope: attacker.scope, context: { bulkExport: { exportDir } } });
    const files = (status.body as { output: { url: string }[] }).output;
    const texts = await Promise.all(files.map(async (file) => readExportFile(attacker.scope, file.url)));

    expect(kickOff.status).toBe(202);
    expect(files.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toContain(victim.marker);
    for (const text of texts) for (const name of victim.names) expect(text).not.toContain(name);
  });

  it("hides one attacker's export job from the other family's member", async () => {
    const [memberA, memberB] = attackers;
    if (!memberA || !memberB) throw new Error("attackers were not set up");
    const kickOff = await send(memberB, { name: "export", url: "Patient/$export", status: 202 }, families.a.marker);
    const jobId = (kickOff.headers["content-location"] ?? "").split("/bulk-status/")[1] ?? "";
    await whenBulkExportSettled(jobId);

    const status = await sendFhirRequest(db, `bulk-status/${jobId}`, { scope: memberA.scope, context: { bulkExport: { exportDir } } });

    expect(status.status).toBe(404);
  });
});

async function readExportFile(scope: AccessScope, url: string): Promise<string> {
  const [jobId = "", fileName = ""] = url.replace(`${TEST_BASE_URL}/bulk-files/`, "").split("/");
  const download = await downloadExportFile(db, scope, jobId, fileName, exportDir);
  return "path" in download ? readFile(download.path, "utf8") : "";
}

describe("care manager: family Coverage of a panel subscriber", () => {
  // Care manager A has pat-fa-sub on the panel but not the child, whose Coverage names pat-fa-sub as subscriber.
  const managerA = (): AccessScope => attackers[2]?.scope ?? { kind: "patients", patientIds: [] };

  it.each([
    ["read", "Coverage/cov-fa-kid"],
    ["vread", "Coverage/cov-fa-kid/_history/1"],
    ["history", "Coverage/cov-fa-kid/_history"],
  ])("%s of the child's Coverage is 404", async (_name, url) => {
    const response = await sendFhirRequest(db, url, { scope: managerA() });

    expect(response.status).toBe(404);
  });

  it.each([
    "Coverage?subscriber=pat-fa-sub",
    "Coverage?patient=pat-fa-sub",
    "Coverage",
    "Patient?_id=pat-fa-sub&_revinclude=Coverage:subscriber",
    "Patient/pat-fa-sub/$everything",
    "Organization?_revinclude=Coverage:payor",
  ])("%s returns the subscriber's own Coverage only", async (url) => {
    const response = await sendFhirRequest(db, url, { scope: managerA() });
    const coverages = ((response.body as Bundle).entry ?? []).flatMap((entry) => (entry.resource?.resourceType === "Coverage" ? [entry.resource.id] : []));

    expect(response.status).toBe(200);
    expect(coverages).toEqual(["cov-fa-sub"]);
  });

  it("$run over Coverage returns the subscriber's own row only", async () => {
    const view = { resourceType: "ViewDefinition", resource: "Coverage", select: [{ column: [{ name: "id", path: "getResourceKey()", type: "id" }] }] };
    const body = JSON.stringify({ resourceType: "Parameters", parameter: [{ name: "viewResource", resource: view }] });

    const response = await sendFhirRequest(db, "ViewDefinition/$run", { method: "POST", body, headers: { "content-type": "application/fhir+json" }, scope: managerA() });

    expect(JSON.parse(response.body as string)).toEqual([{ id: "cov-fa-sub" }]);
  });

  it("leaves the subscriber member's view of the family Coverage as it was", async () => {
    const response = await sendFhirRequest(db, "Coverage?subscriber=pat-fa-sub", { scope: attackers[0]?.scope });
    const ids = ((response.body as Bundle).entry ?? []).map((entry) => entry.resource?.id).sort();

    expect(ids).toEqual(["cov-fa-kid", "cov-fa-sub"]);
  });
});

/** Wraps the database so every statement the FHIR layer runs is listed, with ids in its values masked. */
function recordingDatabase(statements: string[]): Database {
  const mask = (values: unknown[] | undefined): string => JSON.stringify(values ?? []).replaceAll(families.b.marker, "-?-").replaceAll(ABSENT_MARKER, "-?-");
  const sql: SqlClient = {
    query: (text, values) => {
      statements.push(`${text} ${mask(values)}`);
      return db.sql.query(text, values);
    },
    execute: (text, values) => {
      statements.push(`${text} ${mask(values)}`);
      return db.sql.execute(text, values);
    },
  };
  return { ...db, sql };
}

describe("not-found code path", () => {
  // Equal responses could still differ in time if a foreign id took an extra lookup. The same
  // statements with the same values mean the foreign and the absent id take one path: a single
  // lookup that filters by compartment, with no second query to tell them apart.
  it.each(["Patient/pat-fb-sub", "Observation/obs-fb-sub/_history/1", "Observation/obs-fb-sub/_history", "Patient/pat-fb-sub/$everything", `Measure/$care-gaps?${year}&subject=Patient/pat-fb-sub`])(
    "%s runs the same statements for a foreign and an absent id",
    async (url) => {
      const attacker = attackers[0];
      if (!attacker) throw new Error("attacker 0 was not set up");
      const foreign: string[] = [];
      const absent: string[] = [];

      await send(attacker, { name: url, url, status: 404 }, families.b.marker, recordingDatabase(foreign));
      await send(attacker, { name: url, url, status: 404 }, ABSENT_MARKER, recordingDatabase(absent));

      expect(foreign.length).toBeGreaterThan(0);
      expect(foreign).toEqual(absent);
    },
  );
});
