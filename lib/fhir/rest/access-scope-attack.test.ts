import type { Bundle, FhirResource } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import type { AccessScope } from "../search/access-scope";
import { encodePageToken } from "../search/page-token";
import { FhirStore } from "../store/fhir-store";
import type { FhirResponse } from "./fhir-request";
import { sendFhirRequest } from "./fhir-test-client";
import { loadSearchFixtures } from "./search-fixtures";

let db: Database;

/** Member A: Ana. Her data is obs-a1c-month, obs-a1c-day, obs-offset and obs-shared. */
const scopeA: AccessScope = { kind: "patients", patientIds: ["pat-ana"] };
const A_OBSERVATIONS = ["obs-a1c-day", "obs-a1c-month", "obs-offset", "obs-shared"];

/** Resources beyond the search fixtures that give B's data ties to A's and to the directory. */
const attackFixtures = [
  {
    resourceType: "Observation",
    id: "obs-b-org",
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code: "8480-6" }] },
    subject: { reference: "Patient/pat-ben" },
    performer: [{ reference: "Organization/org-clinic" }],
  },
  {
    // A's observation that names B as performer, so it is in both compartments.
    resourceType: "Observation",
    id: "obs-shared",
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code: "29463-7" }] },
    subject: { reference: "Patient/pat-ana" },
    performer: [{ reference: "Patient/pat-ben" }],
  },
] satisfies FhirResource[];

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSearchFixtures(db);
  const store = new FhirStore(db);
  for (const resource of attackFixtures) await store.update(resource);
  await store.update({ resourceType: "Observation", id: "obs-bp", status: "amended", code: { text: "BP" }, subject: { reference: "Patient/pat-ben" } });
});

afterAll(async () => {
  await db.close();
});

function asA(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<FhirResponse> {
  return sendFhirRequest(db, url, { ...options, scope: scopeA });
}

function entryIds(response: FhirResponse): string[] {
  return ((response.body as Bundle).entry ?? []).map((entry) => `${entry.resource?.resourceType}/${entry.resource?.id}`).sort();
}

const notFoundBody = (reference: string): unknown => ({
  resourceType: "OperationOutcome",
  issue: [{ severity: "error", code: "not-found", diagnostics: `${reference} is not stored; check the type and id.` }],
});

describe("access scope: reads of another patient's data", () => {
  it.each([
    ["Patient/pat-ben", "Patient/pat-ben"],
    ["Observation/obs-bp", "Observation/obs-bp"],
    ["Observation/obs-bp/_history", "Observation/obs-bp"],
    ["Observation/obs-bp/_history/1", "Observation/obs-bp"],
    ["Observation/obs-bp/_history/2", "Observation/obs-bp"],
    ["Observation/obs-b-org", "Observation/obs-b-org"],
  ])("GET %s is 404 like an absent resource", async (url, reference) => {
    const response = await asA(url);
    const absent = await asA(url.replace(reference, `${reference.split("/")[0]}/absent-id`));

    expect(response.status).toBe(404);
    expect(response.body).toEqual(notFoundBody(reference));
    expect(response.headers).toEqual(absent.headers);
  });

  it("reads A's own resources and the directory", async () => {
    const statuses = await Promise.all(["Patient/pat-ana", "Observation/obs-shared", "Organization/org-clinic", "Practitioner/dr-smith"].map(async (url) => (await asA(url)).status));

    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});

describe("access scope: searches", () => {
  it.each<[url: string, expected: string[]]>([
    ["Observation", A_OBSERVATIONS.map((id) => `Observation/${id}`)],
    ["Patient", ["Patient/pat-ana"]],
    ["Observation?_id=obs-bp", []],
    ["Observation?subject=pat-ben", []],
    ["Observation?subject=Patient/pat-ben&_revinclude=Provenance:target", []],
    ["Observation?code=8480-6", []],
    ["Observation?subject:Patient.name=gomez", A_OBSERVATIONS.map((id) => `Observation/${id}`)],
    ["Observation?performer:Patient.name=gomez-lee", []],
    ["Patient?_has:Observation:subject:code=8480-6", []],
    ["Organization?_has:Observation:performer:code=8480-6", []],
    ["Observation?_id=obs-shared&_include=Observation:performer", ["Observation/obs-shared"]],
    ["Observation?_id=obs-shared&_include=Observation:*", ["Observation/obs-shared", "Patient/pat-ana"]],
    ["Organization?_id=org-clinic&_revinclude=Observation:performer", ["Organization/org-clinic"]],
    ["Organization?_id=org-clinic&_revinclude=Patient:organization", ["Organization/org-clinic", "Patient/pat-ana"]],
    ["Practitioner?_id=dr-smith&_revinclude=Patient:general-practitioner&_revinclude:iterate=Observation:subject", ["Observation/obs-a1c-day", "Observation/obs-a1c-month", "Observation/obs-offset", "Observation/obs-shared", "Patient/pat-ana", "Practitioner/dr-smith"]],
  ])("GET %s returns only what A may see", async (url, expected) => {
    const response = await asA(url);

    expect(response.status).toBe(200);
    expect(entryIds(response)).toEqual(expected);
    expect((response.body as Bundle).total).toBe(expected.filter((id) => id.startsWith(url.split("?")[0] ?? "")).length);
  });

  it("counts only A's resources for _summary=count", async () => {
    const response = await asA("Observation?_summary=count");

    expect((response.body as Bundle).total).toBe(A_OBSERVATIONS.length);
  });

  it("keeps the scope on tampered paging links", async () => {
    const tampered = [
      `Observation?subject=pat-ben&_count=1&_page=${encodePageToken(0)}`,
      `Observation?_id=obs-bp&_page=${encodePageToken(0)}`,
      `Observation?_count=1&_page=${encodePageToken(4)}`,
      `Observation?_count=1&_page=${encodePageToken(5)}`,
    ];

    const results = await Promise.all(tampered.map(async (url) => entryIds(await asA(url))));

    expect(results).toEqual([[], [], [], []]);
  });

  it("rejects a forged page token without running the search", async () => {
    const response = await asA("Observation?_page=not-a-token");

    expect(response.status).toBe(400);
  });

  it("keeps the scope on POST _search", async () => {
    const response = await asA("Observation/_search", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "subject=pat-ben" });

    expect(entryIds(response)).toEqual([]);
  });

  it("lists only A's versions in type history", async () => {
    const response = await asA("Observation/_history");

    expect([...new Set(entryIds(response))]).toEqual(A_OBSERVATIONS.map((id) => `Observation/${id}`));
  });
});

describe("access scope: writes", () => {
  it.each([
    ["PUT", "Observation/obs-bp"],
    ["PUT", "Observation/absent-id"],
    ["DELETE", "Observation/obs-bp"],
    ["DELETE", "Observation/absent-id"],
    ["PATCH", "Observation/obs-bp"],
    ["POST", "Observation"],
  ])("%s %s is forbidden the same way for any id", async (method, url) => {
    const response = await asA(url, { method });

    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "forbidden", diagnostics: `${method} needs write access, and this session may only read; use GET to read and search.` }],
    });
  });
});

describe("access scope: other scopes", () => {
  it("gives a care manager the patients on the panel only", async () => {
    const scope: AccessScope = { kind: "patients", patientIds: ["pat-ana", "pat-cruz"] };

    const response = await sendFhirRequest(db, "Patient", { scope });

    expect(entryIds(response)).toEqual(["Patient/pat-ana", "Patient/pat-cruz"]);
  });

  it("gives an unlinked member the directory only", async () => {
    const scope: AccessScope = { kind: "patients", patientIds: [] };

    const [patients, organizations] = await Promise.all([sendFhirRequest(db, "Patient", { scope }), sendFhirRequest(db, "Organization", { scope })]);

    expect(entryIds(patients)).toEqual([]);
    expect(entryIds(organizations)).toEqual(["Organization/org-clinic"]);
  });

  it("hides resource types outside the scope's list", async () => {
    const scope: AccessScope = { kind: "all", resourceTypes: ["Patient"] };

    const [search, read, include] = await Promise.all([
      sendFhirRequest(db, "Observation", { scope }),
      sendFhirRequest(db, "Observation/obs-bp", { scope }),
      sendFhirRequest(db, "Patient?_id=pat-ana&_revinclude=Observation:subject", { scope }),
    ]);

    expect(entryIds(search)).toEqual([]);
    expect(read.status).toBe(404);
    expect(entryIds(include)).toEqual(["Patient/pat-ana"]);
  });
});
