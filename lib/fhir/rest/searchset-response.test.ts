import type { Bundle, FhirResource } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { toFhirAuditRecord } from "../../audit/to-fhir-audit-record";
import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { FhirStore } from "../store/fhir-store";
import { readResponseBody, type FhirResponse } from "./fhir-request";
import { TEST_BASE_URL } from "./fhir-test-client";
import { handleFhirRequest } from "./handle-fhir-request";
import { loadSearchFixtures } from "./search-fixtures";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSearchFixtures(db);
});

afterAll(async () => {
  await db.close();
});

/** Sends a GET as the route handler does, keeping a body serialized ahead as it is. */
function get(url: string): Promise<FhirResponse> {
  const parsed = new URL(url, `${TEST_BASE_URL}/`);
  return handleFhirRequest(
    { method: "GET", path: parsed.pathname.replace(/^\/fhir\/R4\//, "").split("/"), query: parsed.searchParams, headers: {} },
    { db, scope: { kind: "all" }, baseUrl: TEST_BASE_URL },
  );
}

function auditOf(path: string[], response: FhirResponse): { patientIds: readonly string[]; resources?: readonly string[] } {
  const record = toFhirAuditRecord({ method: "GET", path }, response, [], { recorded: new Date() });
  return { patientIds: record.patientIds, resources: record.resources };
}

describe("searchset responses sent as stored JSON", () => {
  it("carries each stored resource as the store holds it", async () => {
    const response = await get("Observation?patient=pat-ana&_sort=_id");
    const bundle = readResponseBody(response) as Bundle;
    const stored = await Promise.all(["obs-a1c-day", "obs-a1c-month", "obs-offset"].map((id) => new FhirStore(db).read("Observation", id)));

    expect(response.body).toBeUndefined();
    expect(response.headers["content-type"]).toBe("application/fhir+json; charset=utf-8");
    expect(bundle.entry?.map((entry) => entry.resource)).toEqual(stored);
    expect(bundle.entry?.[0]).toMatchObject({ fullUrl: `${TEST_BASE_URL}/Observation/obs-a1c-day`, search: { mode: "match" } });
    expect(bundle.total).toBe(3);
  });

  it("audits what the parsed Bundle carries", async () => {
    const response = await get("Observation?_sort=_id&_include=Observation:subject");
    const parsed = { status: response.status, headers: {}, body: readResponseBody(response) };

    expect(auditOf(["Observation"], response)).toEqual(auditOf(["Observation"], parsed));
    expect(auditOf(["Observation"], response).patientIds).toEqual(["pat-ana", "pat-ben", "pat-cruz"]);
  });

  it("cuts resources for _elements and still audits the patients it left out", async () => {
    const response = await get("Observation?patient=pat-ben&_elements=status");
    const [entry] = (readResponseBody(response) as Bundle).entry ?? [];

    expect(entry?.resource).toMatchObject({ resourceType: "Observation", id: "obs-bp", status: "amended" });
    expect((entry?.resource as FhirResource & { subject?: unknown }).subject).toBeUndefined();
    expect(auditOf(["Observation"], response)).toEqual({ patientIds: ["pat-ben"], resources: ["Observation/obs-bp"] });
  });

  it("serializes $everything the same way", async () => {
    const response = await get("Patient/pat-ben/$everything");
    const bundle = readResponseBody(response) as Bundle;

    expect(bundle.entry?.map((entry) => `${entry.resource?.resourceType}/${entry.resource?.id}`)).toEqual(auditOf(["Patient", "pat-ben", "$everything"], response).resources);
    expect(auditOf(["Patient", "pat-ben", "$everything"], response).patientIds).toEqual(["pat-ben"]);
  });
});
