import { existsSync } from "node:fs";
import path from "node:path";

import type { ExplanationOfBenefit } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { importPaths } from "../ingest/import-paths";
import { getMemberClaim } from "./get-member-claim";

const dataDir = path.resolve(import.meta.dirname, "../../../shared/data");
const carinDir = path.join(dataDir, "carin-bb/stu2.0.0");
const syntheaFile = path.join(dataDir, "synthea/smart-generated-sample-data-r4/Louis_Maggio_2e275d4b-855a-4eb2-9021-5410aa8acd4f.json");
const hasSharedData = existsSync(carinDir) && existsSync(syntheaFile);

const carinPatient = "Patient1";
const syntheaPatient = "bae2bf00-eca1-47fb-bb43-272f8de1449c";

function usd(minorUnits: number): { minorUnits: number; currency: string } {
  return { minorUnits, currency: "USD" };
}

describe.skipIf(!hasSharedData)(`getMemberClaim on sample EOBs${hasSharedData ? "" : " (skipped: ../shared/data is absent)"}`, () => {
  let db: Database;
  let store: FhirStore;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    const report = await importPaths(db, [carinDir, syntheaFile]);
    expect(report.rejections).toEqual([]);
  });

  afterAll(async () => {
    await db.close();
  });

  it("adds CARIN lines with reversals", async () => {
    const claim = await getMemberClaim(store, carinPatient, "EOBProfessional2");

    expect(claim?.providerName).toBe("Orange Medical Group");
    expect(claim?.claimType).toBe("professional");
    expect(claim?.serviceStart).toEqual({ precision: "day", year: 2020, month: 8, day: 4 });
    expect(claim?.serviceEnd).toBeNull();
    expect(claim?.processed).toEqual({ precision: "day", year: 2020, month: 8, day: 24 });
    expect(claim?.outcome).toBe("complete");
    expect(claim?.billed).toEqual({ kind: "exact", amount: usd(82_000) });
    expect(claim?.planPaid).toEqual(usd(25_891));
    expect(claim?.memberOwes).toEqual({ kind: "exact", amount: usd(0) });
    expect(claim?.totals).toEqual([
      { category: "submitted", kind: "stated", amount: usd(82_000) },
      { category: "allowed", kind: "stated", amount: usd(25_891) },
      { category: "deductible", kind: "stated", amount: usd(0) },
      { category: "copay", kind: "stated", amount: usd(0) },
      { category: "noncovered", kind: "stated", amount: usd(0) },
      { category: "planPaid", kind: "stated", amount: usd(25_891) },
      { category: "memberLiability", kind: "stated", amount: usd(0) },
    ]);
  });

  it("maps CARIN lines and diagnoses", async () => {
    const claim = await getMemberClaim(store, carinPatient, "EOBProfessional2");

    expect(claim?.lines.map((line) => [line.sequence, line.code, line.amounts.submitted?.minorUnits])).toEqual([
      [1, "75710", 6_880],
      [2, "75710", -6_880],
      [3, "75710", 6_880],
      [4, "37228", 75_120],
      [5, "37228", 75_120],
      [6, "37228", -75_120],
    ]);
    expect(claim?.lines[3]?.amounts).toEqual({
      submitted: usd(75_120),
      allowed: usd(22_411),
      deductible: usd(0),
      copay: usd(0),
      coinsurance: null,
      noncovered: usd(22_411),
      planPaid: usd(0),
      memberLiability: null,
    });
    expect(claim?.lines[0]?.serviceDate).toEqual({ precision: "day", year: 2020, month: 8, day: 4 });
    expect(claim?.diagnoses).toEqual([
      { sequence: 1, code: "I70.249", description: null, principal: true },
      { sequence: 2, code: "L97.929", description: null, principal: false },
    ]);
  });

  it("leaves owed unknown when liability is below copay", async () => {
    const claim = await getMemberClaim(store, carinPatient, "EOBInpatient2");

    expect(claim?.memberOwes).toEqual({ kind: "unknown" });
    expect(claim?.providerName).toBe("Green Medical Group");
    expect(claim?.planPaid).toEqual(usd(139_357));
    expect(claim?.shareParts).toEqual({ deductible: usd(0), copay: usd(12_000), coinsurance: null, noncovered: usd(0) });
    expect(claim?.lines).toHaveLength(13);
    expect(claim?.lines.every((line) => Object.values(line.amounts).every((amount) => amount === null))).toBe(true);
    expect(claim?.diagnoses[0]).toEqual({ sequence: 1, code: "I21.4", description: null, principal: true });
  });

  it("marks the liability total unknown too", async () => {
    const claim = await getMemberClaim(store, carinPatient, "EOBInpatient2");
    const liability = claim?.totals.find((total) => total.category === "memberLiability");

    expect(claim?.memberOwes).toEqual({ kind: "unknown" });
    expect(liability).toEqual({ category: "memberLiability", kind: "owesUnknown", stated: usd(0) });
  });

  it("bills the lines when the header states no total", async () => {
    const claim = await getMemberClaim(store, carinPatient, "EOBOutpatient2");
    const submitted = claim?.totals.find((total) => total.category === "submitted");

    expect(claim?.billed).toEqual({ kind: "fromLines", amount: usd(8_440) });
    expect(submitted).toEqual({ category: "submitted", kind: "fromLines", amount: usd(8_440) });
  });

  it("hides a not-applicable service code", async () => {
    const claim = await getMemberClaim(store, "Patient2", "EOBInpatient1");

    expect(claim?.lines.length).toBeGreaterThan(0);
    expect(claim?.lines.map((line) => line.code)).not.toContain("not-applicable");
    expect(claim?.lines[0]?.code).toBeNull();
    expect(claim?.lines[0]?.description).toBeNull();
  });

  it("adds Synthea Blue Button lines", async () => {
    const claim = await getMemberClaim(store, syntheaPatient, "e47eb049-ba5d-4229-98c6-e11137e91be9");

    expect(claim?.providerName).toBe("Dr. Wynell Olson");
    expect(claim?.billed).toEqual({ kind: "exact", amount: usd(40_604) });
    // Two lines of 112.416 round to 112.42 each, one cent above the 224.83 payment.amount.
    expect(claim?.planPaid).toEqual(usd(22_484));
    expect(claim?.memberOwes).toEqual({ kind: "atLeast", amount: usd(5_620) });
    expect(claim?.totals).toEqual([
      { category: "submitted", kind: "stated", amount: usd(40_604) },
      { category: "allowed", kind: "fromLines", amount: usd(28_104) },
      { category: "deductible", kind: "fromLines", amount: usd(0) },
      { category: "coinsurance", kind: "fromLines", amount: usd(5_620) },
      { category: "planPaid", kind: "fromLines", amount: usd(22_484) },
    ]);
    expect(claim?.lines.map((line) => [line.code, line.description, line.amounts.coinsurance?.minorUnits ?? null])).toEqual([
      ["185349003", "Encounter for check up (procedure)", null],
      ["140", "Influenza, seasonal, injectable, preservative free", 2_810],
      ["52", "Hep A, adult", 2_810],
    ]);
  });

  it("reads Synthea diagnoses from Conditions", async () => {
    const claim = await getMemberClaim(store, syntheaPatient, "80f4e908-99b3-4681-b5a3-a0f4a2730e8f");

    expect(claim?.diagnoses).toEqual([{ sequence: 1, code: "444814009", description: "Viral sinusitis (disorder)", principal: true }]);
    expect(claim?.billed).toEqual({ kind: "exact", amount: usd(12_500) });
    expect(claim?.planPaid).toEqual(usd(0));
    expect(claim?.memberOwes).toEqual({ kind: "unknown" });
    expect(claim?.totals).toEqual([{ category: "submitted", kind: "stated", amount: usd(12_500) }]);
  });

  it("hides another patient's claim", async () => {
    expect(await getMemberClaim(store, carinPatient, "e47eb049-ba5d-4229-98c6-e11137e91be9")).toBeNull();
    expect(await getMemberClaim(store, syntheaPatient, "EOBProfessional2")).toBeNull();
  });

  it.each(["does-not-exist", "../EOBProfessional2", "EOBProfessional2/_history/1", "", "x".repeat(65)])("returns null for id %j", async (id) => {
    expect(await getMemberClaim(store, carinPatient, id)).toBeNull();
  });
});

describe("getMemberClaim status and compartment", () => {
  let db: Database;
  let store: FhirStore;

  const eob = (id: string, patient: string, status: ExplanationOfBenefit["status"], payee?: string): ExplanationOfBenefit => ({
    resourceType: "ExplanationOfBenefit",
    id,
    status,
    type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "professional" }] },
    use: "claim",
    patient: { reference: `Patient/${patient}` },
    created: "2026-03-04",
    insurer: { display: "Lakeview Health Plan" },
    provider: { display: "Lakeside Clinic" },
    outcome: "complete",
    insurance: [{ focal: true, coverage: { display: "Plan" } }],
    ...(payee && { payee: { party: { reference: `Patient/${payee}` } } }),
  });

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    const resources = [
      eob("a-active", "member-a", "active"),
      eob("a-draft", "member-a", "draft"),
      eob("a-error", "member-a", "entered-in-error"),
      eob("a-cancelled", "member-a", "cancelled"),
      eob("a-deleted", "member-a", "active"),
      // In member A's compartment only as the payee: the care is member B's.
      eob("b-paid-to-a", "member-b", "active", "member-a"),
    ];
    await store.writeAll(resources.map((resource) => ({ kind: "put", resource })));
    await store.remove("ExplanationOfBenefit", "a-deleted");
  });

  afterAll(async () => {
    await db.close();
  });

  it.each(["a-active", "a-cancelled"])("shows %s", async (id) => {
    expect((await getMemberClaim(store, "member-a", id))?.id).toBe(id);
  });

  it.each(["a-draft", "a-error", "a-deleted", "b-paid-to-a"])("hides %s", async (id) => {
    expect(await getMemberClaim(store, "member-a", id)).toBeNull();
  });
});
