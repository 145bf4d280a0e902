import type { Coverage, ExplanationOfBenefit, FhirResource, Organization, Patient, Practitioner } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { getMemberOverview } from "./get-member-overview";
import { getMemberPlan } from "./get-member-plan";

const claimType = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "professional" }] };
const submitted = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/adjudication", code: "submitted" }] };
const memberLiability = { coding: [{ system: "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication", code: "memberliability" }] };

function patient(id: string, given: string, family: string): Patient {
  return { resourceType: "Patient", id, name: [{ use: "official", given: [given], family }] } satisfies Patient;
}

function eob(id: string, patientId: string, start: string, extra: Partial<ExplanationOfBenefit> = {}): ExplanationOfBenefit {
  return {
    resourceType: "ExplanationOfBenefit",
    id,
    status: "active",
    type: claimType,
    use: "claim",
    patient: { reference: `Patient/${patientId}` },
    billablePeriod: { start },
    created: start,
    insurer: { reference: "Organization/payer" },
    provider: { reference: "Practitioner/dr-ruiz" },
    outcome: "complete",
    insurance: [{ focal: true, coverage: { reference: `Coverage/coverage-${patientId}` } }],
    total: [
      { category: submitted, amount: { value: 200, currency: "USD" } },
      { category: memberLiability, amount: { value: 25, currency: "USD" } },
    ],
    ...extra,
  } satisfies ExplanationOfBenefit;
}

function coverage(id: string, beneficiaryId: string, planName: string, extra: Partial<Coverage> = {}): Coverage {
  return {
    resourceType: "Coverage",
    id,
    status: "active",
    beneficiary: { reference: `Patient/${beneficiaryId}` },
    payor: [{ reference: "Organization/payer" }],
    class: [{ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/coverage-class", code: "plan" }] }, value: planName, name: planName }],
    ...extra,
  } satisfies Coverage;
}

const payer = { resourceType: "Organization", id: "payer", name: "Lakeview Health Plan" } satisfies Organization;
const practitioner = { resourceType: "Practitioner", id: "dr-ruiz", name: [{ prefix: ["Dr."], given: ["Ana"], family: "Ruiz" }] } satisfies Practitioner;

const memberA = patient("member-a", "Alma", "Reyes");
const memberB = patient("member-b", "Bruno", "Silva");
const claimsOfA = [eob("a-1", "member-a", "2026-01-05"), eob("a-2", "member-a", "2026-03-04"), eob("a-3", "member-a", "2025-12")];
const claimsOfB = [
  eob("b-1", "member-b", "2026-02-01"),
  eob("b-2", "member-b", "2026-03-20"),
  // A's own claims list must not show B's care even where A is the payee.
  eob("b-paid-to-a", "member-b", "2026-03-21", { payee: { party: { reference: "Patient/member-a" } } }),
];
const coverages = [
  coverage("coverage-member-a", "member-a", "Lakeview Silver PPO"),
  coverage("coverage-member-b", "member-b", "Lakeview Gold HMO"),
  // B is a dependent on A's subscription: it sits in A's compartment but is B's plan.
  coverage("coverage-b-dependent", "member-b", "Lakeview Family Dental", { subscriber: { reference: "Patient/member-a" } }),
];

const resources: FhirResource[] = [payer, practitioner, memberA, memberB, ...claimsOfA, ...claimsOfB, ...coverages];

describe("getMemberOverview", () => {
  let db: Database;
  let store: FhirStore;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    await store.writeAll(resources.map((resource) => ({ kind: "put", resource })));
  });

  afterAll(async () => {
    await db.close();
  });

  it("returns only member A's claims, newest first", async () => {
    const overview = await getMemberOverview(store, "member-a");

    expect(overview.kind).toBe("patient");
    if (overview.kind !== "patient") return;
    expect(overview.claims.map((claim) => claim.id)).toEqual(["a-2", "a-1", "a-3"]);
  });

  it("never returns member B's claims to member A", async () => {
    const overview = await getMemberOverview(store, "member-a");

    const ids = overview.kind === "patient" ? overview.claims.map((claim) => claim.id) : [];
    for (const claim of claimsOfB) {
      expect(ids).not.toContain(claim.id);
    }
  });

  it("returns member B's claims to member B", async () => {
    const overview = await getMemberOverview(store, "member-b");

    const ids = overview.kind === "patient" ? overview.claims.map((claim) => claim.id) : [];
    expect(ids).toEqual(["b-paid-to-a", "b-2", "b-1"]);
  });

  it("shows each member their own name and plan", async () => {
    const overviewA = await getMemberOverview(store, "member-a");
    const overviewB = await getMemberOverview(store, "member-b");

    expect(overviewA).toMatchObject({ kind: "patient", patientName: "Alma Reyes", plan: { planName: "Lakeview Silver PPO", payerName: "Lakeview Health Plan" } });
    expect(overviewB).toMatchObject({ kind: "patient", patientName: "Bruno Silva" });
  });

  it("maps names and amounts into the claim rows", async () => {
    const overview = await getMemberOverview(store, "member-a");

    const [newest] = overview.kind === "patient" ? overview.claims : [];
    expect(newest).toMatchObject({
      id: "a-2",
      providerName: "Dr. Ana Ruiz",
      claimType: "professional",
      canceled: false,
      billed: { kind: "exact", amount: { minorUnits: 20_000, currency: "USD" } },
      memberOwes: { kind: "exact", amount: { minorUnits: 2_500, currency: "USD" } },
    });
  });

  it("sums this plan year's spending", async () => {
    const overview = await getMemberOverview(store, "member-a", new Date("2026-06-01T12:00:00Z"));

    const spending = overview.kind === "patient" ? overview.spending : null;
    // a-1 and a-2 fall in 2026 with a $25 member liability each; a-3 is from 2025.
    expect(spending?.individual.outOfPocket).toEqual({ spent: { minorUnits: 5_000, currency: "USD" }, limit: null, remaining: null });
    expect(spending?.claimCount).toBe(2);
    expect(spending?.family).toBeNull();
  });

  it("reports no patient for an account without one", async () => {
    expect(await getMemberOverview(store, null)).toEqual({ kind: "no-patient" });
    expect(await getMemberOverview(store, "not-stored")).toEqual({ kind: "no-patient" });
  });

  it("returns an empty list for a patient without claims", async () => {
    await store.update(patient("member-c", "Carla", "Nunes"));

    const overview = await getMemberOverview(store, "member-c");

    expect(overview).toMatchObject({ kind: "patient", patientName: "Carla Nunes", plan: null, claims: [] });
    expect(overview.kind === "patient" && overview.spending).toMatchObject({ claimCount: 0, limitsSource: null, family: null });
  });
});

describe("getMemberPlan", () => {
  let db: Database;
  let store: FhirStore;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    const plans = [
      coverage("cov-2025", "member-d", "Plan 2025", { period: { start: "2025-01-01", end: "2025-12-31" } }),
      coverage("cov-2026", "member-d", "Plan 2026", { period: { start: "2026-01-01", end: "2026-12-31" } }),
      coverage("cov-2027", "member-d", "Plan 2027", { period: { start: "2027-01-01", end: "2027-12-31" } }),
      coverage("cov-cancelled", "member-d", "Cancelled plan", { status: "cancelled", period: { start: "2026-06-01" } }),
    ];
    await store.writeAll([payer, patient("member-d", "Dara", "Lee"), ...plans].map((resource) => ({ kind: "put", resource })));
  });

  afterAll(async () => {
    await db.close();
  });

  it("picks the active plan whose period contains today", async () => {
    const plan = await getMemberPlan(store, "member-d", new Date("2026-03-04T12:00:00Z"));

    expect(plan).toEqual({ planName: "Plan 2026", payerName: "Lakeview Health Plan" });
  });

  it("picks the latest plan when none covers today", async () => {
    const plan = await getMemberPlan(store, "member-d", new Date("2030-01-01T00:00:00Z"));

    expect(plan?.planName).toBe("Plan 2027");
  });
});

describe("getMemberPlan without Coverage resources", () => {
  let db: Database;
  let store: FhirStore;

  const containedCoverage = (kind: string): Coverage => ({
    resourceType: "Coverage",
    id: "coverage",
    status: "active",
    type: { text: kind },
    beneficiary: { reference: "Patient/member-s" },
    payor: [{ display: kind }],
  });

  const syntheaStyleClaim = (id: string, start: string, kind: string): ExplanationOfBenefit => ({
    resourceType: "ExplanationOfBenefit",
    id,
    status: "active",
    type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "institutional" }] },
    use: "claim",
    patient: { reference: "Patient/member-s" },
    billablePeriod: { start },
    created: start,
    insurer: { display: kind },
    provider: { display: "Clinic" },
    outcome: "complete",
    contained: [containedCoverage(kind)],
    insurance: [{ focal: true, coverage: { reference: "#coverage", display: kind } }],
  });

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    const claims = [
      syntheaStyleClaim("eob-old", "2019-03-01T10:00:00-05:00", "medicaid"),
      syntheaStyleClaim("eob-new", "2020-08-01T10:00:00-04:00", "private"),
      { ...syntheaStyleClaim("eob-error", "2021-01-05T10:00:00-05:00", "medicare"), status: "entered-in-error" as const },
    ];
    await store.writeAll([patient("member-s", "Sam", "Ortiz"), ...claims].map((resource) => ({ kind: "put", resource })));
  });

  afterAll(async () => {
    await db.close();
  });

  it("takes the plan inside the newest claim", async () => {
    const plan = await getMemberPlan(store, "member-s");

    expect(plan).toEqual({ planName: "private", payerName: null });
  });
});
