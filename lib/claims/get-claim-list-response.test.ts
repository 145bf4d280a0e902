import type { ExplanationOfBenefit } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { getClaimListResponse } from "./get-claim-list-response";

function eob(id: string, patientId: string, provider: string): ExplanationOfBenefit {
  return {
    resourceType: "ExplanationOfBenefit",
    id,
    status: "active",
    type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "professional" }] },
    use: "claim",
    patient: { reference: `Patient/${patientId}` },
    billablePeriod: { start: "2026-03-04" },
    created: "2026-03-10",
    insurer: { display: "Lakeview Health Plan" },
    provider: { reference: provider, display: "Clinic" },
    outcome: "complete",
    insurance: [{ focal: true, coverage: { display: "Plan" } }],
  };
}

describe("getClaimListResponse", () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    const claims = [eob("a-1", "member-a", "Organization/clinic-a"), eob("b-1", "member-b", "Organization/clinic-b")];
    await new FhirStore(db).writeAll(claims.map((resource) => ({ kind: "put", resource })));
  });

  afterAll(async () => {
    await db.close();
  });

  const invalid = [
    { query: "type=x", field: "type" },
    { query: "provider=Patient/member-b", field: "provider" },
    { query: "from=2026-13-01", field: "from" },
    { query: "from=2026-03-05&to=2026-03-01", field: "to" },
    { query: "page=-1", field: "page" },
    { query: "page=1e3", field: "page" },
    { query: "page=0x10", field: "page" },
  ];

  it.each(invalid)("rejects $query naming $field", async ({ query, field }) => {
    const response = await getClaimListResponse(db, "member-a", new URLSearchParams(query));

    expect(response).toEqual({
      status: 400,
      body: { error: { code: "invalid", field, message: expect.stringMatching(new RegExp(`^Query parameter "${field}" .+; fix or remove it\\.$`)) as string } },
    });
  });

  it("lists the member's own claim", async () => {
    const response = await getClaimListResponse(db, "member-a", new URLSearchParams());

    expect(response.status).toBe(200);
    expect(response.status === 200 && response.body.rows.map((row) => row.id)).toEqual(["a-1"]);
  });

  it.each(["provider=Organization/clinic-b", "provider=Organization/clinic-b&status=active&from=2000-01-01", "page=2"])(
    "shows no other member's claim for %s",
    async (query) => {
      const response = await getClaimListResponse(db, "member-a", new URLSearchParams(query));

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ rows: [] });
    },
  );

  it("ignores a patient parameter in the query", async () => {
    const response = await getClaimListResponse(db, "member-a", new URLSearchParams("patient=member-b&patientId=member-b"));

    expect(response.status === 200 && response.body.rows.map((row) => row.id)).toEqual(["a-1"]);
  });

  it("gives an unlinked account an empty page", async () => {
    expect(await getClaimListResponse(db, null, new URLSearchParams())).toEqual({ status: 200, body: { rows: [], total: 0, page: 1, pageSize: 25 } });
  });
});
