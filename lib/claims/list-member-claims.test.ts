import type { ExplanationOfBenefit, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { listMemberClaims } from "./list-member-claims";

const submitted = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/adjudication", code: "submitted" }] };
const memberLiability = { coding: [{ system: "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication", code: "memberliability" }] };

const member = { resourceType: "Patient", id: "member-l", name: [{ given: ["Lena"], family: "Park" }] } satisfies Patient;

function eob(id: string, start: string, status: ExplanationOfBenefit["status"] = "active"): ExplanationOfBenefit {
  return {
    resourceType: "ExplanationOfBenefit",
    id,
    status,
    type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "professional" }] },
    use: "claim",
    patient: { reference: "Patient/member-l" },
    billablePeriod: { start },
    created: start,
    insurer: { display: "Lakeview Health Plan" },
    provider: { display: "Lakeside Clinic" },
    outcome: "complete",
    insurance: [{ focal: true, coverage: { reference: "Coverage/coverage-l" } }],
    total: [
      { category: submitted, amount: { value: 100, currency: "USD" } },
      { category: memberLiability, amount: { value: 10, currency: "USD" } },
    ],
  } satisfies ExplanationOfBenefit;
}

describe("listMemberClaims", () => {
  let db: Database;
  let store: FhirStore;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    const claims = [
      // 04:30 UTC on Nov 18, later than the Nov 18 claims below, yet shown as Nov 17.
      eob("nov-17-late-evening", "2026-11-17T23:30:00-05:00"),
      eob("nov-18-date-only", "2026-11-18"),
      eob("nov-18-morning", "2026-11-18T09:00:00-05:00"),
      eob("nov-18-early-morning", "2026-11-18T01:00:00-05:00"),
      eob("nov-16", "2026-11-16T12:00:00Z"),
      eob("month-only", "2026-10"),
      eob("future-visit", "2027-02-01"),
      eob("undated", "sometime"),
      eob("cancelled-claim", "2026-11-15", "cancelled"),
      eob("draft-claim", "2026-11-19", "draft"),
      eob("claim-in-error", "2026-11-19", "entered-in-error"),
    ];
    await store.writeAll([member, ...claims].map((resource) => ({ kind: "put", resource })));
  });

  afterAll(async () => {
    await db.close();
  });

  it("orders by shown date, then instant", async () => {
    const claims = await listMemberClaims(store, "member-l");

    expect(claims.map((claim) => claim.id)).toEqual([
      "future-visit",
      "nov-18-morning",
      "nov-18-early-morning",
      "nov-18-date-only",
      "nov-17-late-evening",
      "nov-16",
      "cancelled-claim",
      "month-only",
      "undated",
    ]);
  });

  it("leaves out drafts and entries in error", async () => {
    const ids = (await listMemberClaims(store, "member-l")).map((claim) => claim.id);

    expect(ids).not.toContain("draft-claim");
    expect(ids).not.toContain("claim-in-error");
  });

  it("lists a cancelled claim without a share", async () => {
    const claims = await listMemberClaims(store, "member-l");

    const cancelled = claims.find((claim) => claim.id === "cancelled-claim");
    expect(cancelled?.canceled).toBe(true);
    expect(cancelled?.memberOwes).toEqual({ kind: "unknown" });
  });

  it("keeps the newest claims when it cuts the list", async () => {
    const claims = await listMemberClaims(store, "member-l", 2);

    expect(claims.map((claim) => claim.id)).toEqual(["future-visit", "nov-18-morning"]);
  });
});
