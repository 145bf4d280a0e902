import type { Bundle, FhirResource, Parameters } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { officeVisitOn } from "../../measures/own/build-test-patient";
import { recomputeStaleCareGaps } from "../../measures/pipeline/recompute-stale-care-gaps";
import { storeMeasures } from "../../measures/store-own-measures";
import { signAccessToken } from "../../smart/access-token";
import { authorizeBearerRequest } from "../../smart/authorize-bearer-request";
import { appClientId, loadSmartFixtures, testEndpoints, testTokenKey, type SmartFixtures } from "../../smart/smart-test-fixtures";
import type { AccessScope } from "../search/access-scope";
import { FhirStore } from "../store/fhir-store";
import { sendFhirRequest } from "./fhir-test-client";
import { getAccessScope } from "./get-access-scope";

const year = "periodStart=2026-01-01&periodEnd=2026-12-31";
const tokenOptions = { key: testTokenKey, issuer: testEndpoints.origin, audience: testEndpoints.fhirBaseUrl };
const requests = [
  { method: "GET", url: `Measure/$care-gaps?${year}&subject=Patient/pat-ben` },
  { method: "GET", url: `Measure/$care-gaps?${year}` },
  { method: "GET", url: `Measure/lakeview-cms147/$evaluate-measure?${year}&subject=Patient/pat-ben` },
  { method: "POST", url: "Measure/$care-gaps" },
];

const bensGap = "gap-lakeview-cms147-pat-ben-2026";
/** The response for a Patient that is not stored, which an out-of-scope one must match exactly. */
const absentPatient = {
  status: 404,
  text: JSON.stringify({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found", diagnostics: "Patient/pat-ben is not stored; check the type and id." }] }),
};

function namesBen(request: (typeof requests)[number]): boolean {
  return request.url.includes("pat-ben") || request.method === "POST";
}

function bodyOf(method: string): string | undefined {
  if (method !== "POST") return undefined;
  const parameters: Parameters = {
    resourceType: "Parameters",
    parameter: [
      { name: "periodStart", valueDate: "2026-01-01" },
      { name: "periodEnd", valueDate: "2026-12-31" },
      { name: "subject", valueReference: { reference: "Patient/pat-ben" } },
    ],
  };
  return JSON.stringify(parameters);
}

async function send(db: Database, request: (typeof requests)[number], scope: AccessScope): Promise<{ status: number; text: string }> {
  const response = await sendFhirRequest(db, request.url, {
    method: request.method,
    scope,
    body: bodyOf(request.method),
    headers: request.method === "POST" ? { "Content-Type": "application/fhir+json" } : {},
  });
  return { status: response.status, text: JSON.stringify(response.body) };
}

describe("measure operations: another member's gaps", () => {
  let db: Database;
  let fixtures: SmartFixtures;

  beforeAll(async () => {
    db = await openTestDatabase();
    fixtures = await loadSmartFixtures(db);
    await storeMeasures(db);
    const visits: FhirResource[] = ["pat-ana", "pat-ben", "pat-cruz"].map((patientId) => ({
      ...officeVisitOn("2026-02-10", `flu-visit-${patientId}`),
      subject: { reference: `Patient/${patientId}` },
    }));
    await new FhirStore(db).writeAll(visits.map((resource) => ({ kind: "put", resource })));
    await recomputeStaleCareGaps(db, { period: { start: "2026-01-01", end: "2026-12-31" } });
  });

  afterAll(async () => {
    await db.close();
  });

  it("stores a gap for member B to steal", async () => {
    const response = await sendFhirRequest(db, `Measure/$care-gaps?${year}&subject=Patient/pat-ben`);

    expect(JSON.stringify(response.body)).toContain("gap-lakeview-cms147-pat-ben-2026");
  });

  for (const request of requests) {
    it(`keeps B's gaps from A's session: ${request.method} ${request.url.split("?")[0]}`, async () => {
      const scope = await getAccessScope(db, { id: fixtures.memberA, name: "Ana", role: "member", patientId: "pat-ana" });

      const response = await send(db, request, scope);

      expect(response.text).not.toContain(bensGap);
      if (namesBen(request)) expect(response).toEqual(absentPatient);
    });

    it(`keeps B's gaps from A's token: ${request.method} ${request.url.split("?")[0]}`, async () => {
      const token = await signAccessToken({ sub: fixtures.memberA, client_id: appClientId, scope: "launch/patient patient/*.rs", patient: "pat-ana", grant: "authorization_code" }, tokenOptions);
      const path = request.url.split("?")[0]?.split("/") ?? [];
      const authorization = await authorizeBearerRequest(db, `Bearer ${token}`, { method: request.method, path }, tokenOptions);
      if (authorization.kind !== "allowed") throw new Error(`token was not accepted: ${authorization.kind}`);

      const response = await send(db, request, authorization.scope);

      expect(response.text).not.toContain(bensGap);
      if (namesBen(request)) expect(response).toEqual(absentPatient);
    });

    it(`keeps B's gaps from a care manager without B: ${request.method} ${request.url.split("?")[0]}`, async () => {
      const scope = await getAccessScope(db, { id: fixtures.careManager, name: "Carol", role: "care_manager", patientId: null });

      const response = await send(db, request, scope);

      expect(response.text).not.toContain(bensGap);
      if (namesBen(request)) expect(response).toEqual(absentPatient);
    });
  }

  it("gives member A their own gaps", async () => {
    const scope = await getAccessScope(db, { id: fixtures.memberA, name: "Ana", role: "member", patientId: "pat-ana" });

    const response = await sendFhirRequest(db, `Measure/$care-gaps?${year}`, { scope });

    const bundles = ((response.body as Parameters).parameter ?? []).map((parameter) => parameter.resource as Bundle);
    expect(bundles).toHaveLength(1);
    expect(JSON.stringify(bundles[0])).toContain("gap-lakeview-cms147-pat-ana-2026");
  });
});
