import path from "node:path";

import type { ExplanationOfBenefit, FhirResource } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { DEFAULT_DEMO_SEED, generateDemoData } from "../demo/generate-demo-data";
import { hasSampleData, SAMPLE_DATA_DIR } from "../fhir/read-sample-resources";
import { FhirStore } from "../fhir/store/fhir-store";
import { importPaths } from "../ingest/import-paths";
import { getMemberCoverage, type MemberCoverage } from "./get-member-coverage";

const usd = (minorUnits: number): { minorUnits: number; currency: string } => ({ minorUnits, currency: "USD" });
const accumulator = (spent: number, limit: number): unknown => ({ spent: usd(spent), limit: usd(limit), remaining: usd(Math.max(limit - spent, 0)) });

/** The demo data's default today (Dec 1, 2026), and the same day a year earlier. */
const demoNow = new Date("2026-12-01T12:00:00Z");
const demoLastYearNow = new Date("2025-12-01T12:00:00Z");

function patientView(view: MemberCoverage): Extract<MemberCoverage, { kind: "patient" }> {
  if (view.kind !== "patient") {
    throw new Error(`Expected a patient view, got ${view.kind}.`);
  }
  return view;
}

describe("getMemberCoverage on demo data", () => {
  let db: Database;
  let store: FhirStore;
  const { resources } = generateDemoData({ members: 25, seed: DEFAULT_DEMO_SEED });
  const claims = resources.filter((resource): resource is ExplanationOfBenefit => resource.resourceType === "ExplanationOfBenefit");
  const patientIds = resources.filter((resource) => resource.resourceType === "Patient").map((resource) => resource.id ?? "");

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    await store.writeAll(resources.map((resource: FhirResource) => ({ kind: "put", resource })));
  });

  afterAll(async () => {
    await db.close();
  });

  it("totals the subscriber's plan year", async () => {
    const view = patientView(await getMemberCoverage(store, "demo-pat-0001", demoNow));

    expect(view.spending.individual).toEqual({ deductible: accumulator(5_200, 100_000), outOfPocket: accumulator(32_310, 400_000) });
    expect(view.spending.family).toEqual({ deductible: accumulator(34_800, 200_000), outOfPocket: accumulator(103_330, 800_000), memberCount: 4 });
    expect(view.spending.claimCount).toBe(16);
    expect(view.spending.unreadableCount).toBe(0);
    expect(view.spending.counted).toBe("in-network");
    expect(view.spending.limitsSource).toBe("coverage");
    expect(view.spending.planYear).toMatchObject({ firstDay: { year: 2026, month: 1, day: 1 }, lastDay: { year: 2026, month: 12, day: 31 }, isCurrent: true });
  });

  it("gives the spouse the same family totals", async () => {
    const view = patientView(await getMemberCoverage(store, "demo-pat-0002", demoNow));

    expect(view.spending.individual).toEqual({ deductible: accumulator(0, 100_000), outOfPocket: accumulator(13_420, 400_000) });
    expect(view.spending.family).toEqual({ deductible: accumulator(34_800, 200_000), outOfPocket: accumulator(103_330, 800_000), memberCount: 4 });
  });

  it("totals the plan year before", async () => {
    const view = patientView(await getMemberCoverage(store, "demo-pat-0001", demoLastYearNow));

    expect(view.spending.individual).toEqual({ deductible: accumulator(2_600, 100_000), outOfPocket: accumulator(20_330, 400_000) });
    expect(view.spending.family).toEqual({ deductible: accumulator(8_750, 200_000), outOfPocket: accumulator(43_000, 800_000), memberCount: 4 });
    expect(view.spending.claimCount).toBe(9);
  });

  it("opens a requested earlier plan year", async () => {
    const view = patientView(await getMemberCoverage(store, "demo-pat-0001", demoNow, 2025));

    expect(view.spending.individual).toEqual({ deductible: accumulator(2_600, 100_000), outOfPocket: accumulator(20_330, 400_000) });
    expect(view.spending.planYear.isCurrent).toBe(false);
    expect(view.coverage?.periodStart).toMatchObject({ year: 2025, month: 1, day: 1 });
    expect(view.claimYears).toEqual([2026, 2025]);
  });

  it("stops a single member at the deductible", async () => {
    const view = patientView(await getMemberCoverage(store, "demo-pat-0005", demoNow));

    expect(view.spending.individual).toEqual({ deductible: accumulator(250_000, 250_000), outOfPocket: accumulator(433_110, 750_000) });
    expect(view.spending.family).toBeNull();
  });

  it("agrees with the generator's line adjudication", async () => {
    for (const patientId of patientIds) {
      for (const [now, year] of [[demoNow, 2026], [demoLastYearNow, 2025]] as const) {
        const view = patientView(await getMemberCoverage(store, patientId, now));
        const own = claims.filter((eob) => eob.patient.reference === `Patient/${patientId}` && eob.billablePeriod?.start?.startsWith(`${year}-`));

        expect(view.spending.individual.deductible.spent.minorUnits, `${patientId} deductible ${year}`).toBe(sumLines(own, ["deductible"]));
        expect(view.spending.individual.outOfPocket.spent.minorUnits, `${patientId} out of pocket ${year}`).toBe(sumLines(own, ["deductible", "copay", "coinsurance"]));
      }
    }
  });

  it("never exceeds the plan's limits", async () => {
    for (const patientId of patientIds) {
      const { spending } = patientView(await getMemberCoverage(store, patientId, demoNow));
      const { individual, family } = spending;

      expect(individual.deductible.spent.minorUnits).toBeLessThanOrEqual(individual.deductible.limit?.minorUnits ?? 0);
      expect(individual.outOfPocket.spent.minorUnits).toBeLessThanOrEqual(individual.outOfPocket.limit?.minorUnits ?? 0);
      expect(family?.deductible.spent.minorUnits ?? 0).toBeLessThanOrEqual(family?.deductible.limit?.minorUnits ?? 0);
      expect(family?.outOfPocket.spent.minorUnits ?? 0).toBeLessThanOrEqual(family?.outOfPocket.limit?.minorUnits ?? 0);
    }
  });

  it("shows no other family member's claims", async () => {
    const view = patientView(await getMemberCoverage(store, "demo-pat-0001", demoNow));
    const serialized = JSON.stringify(view);
    const othersClaims = claims.filter((eob) => ["demo-pat-0002", "demo-pat-0003", "demo-pat-0004"].some((id) => eob.patient.reference === `Patient/${id}`));

    expect(othersClaims.length).toBeGreaterThan(0);
    for (const eob of othersClaims) {
      expect(serialized).not.toContain(eob.id);
      for (const identifier of eob.identifier ?? []) {
        expect(serialized).not.toContain(identifier.value);
      }
      expect(serialized).not.toContain(eob.provider.display);
    }
    expect(Object.keys(view.spending.family ?? {}).sort()).toEqual(["deductible", "memberCount", "outOfPocket"]);
  });

  it("lists the subscriber and dependents", async () => {
    const view = patientView(await getMemberCoverage(store, "demo-pat-0002", demoNow));

    expect(view.coverage?.members.map((member) => [member.relationship, member.isYou, member.isSubscriber])).toEqual([
      ["self", false, true],
      ["spouse", true, false],
      ["child", false, false],
      ["child", false, false],
    ]);
    expect(view.coverage).toMatchObject({ planName: "Lakeview Gold PPO", payerName: "Lakeview Health Plan", relationship: "spouse", status: "active" });
    expect(view.coverage?.memberId).toMatch(/^LV\d+-02$/);
  });

  it("keeps another family out of the plan", async () => {
    const view = patientView(await getMemberCoverage(store, "demo-pat-0005", demoNow));

    expect(view.coverage?.members).toHaveLength(1);
    expect(view.coverage?.members[0]).toMatchObject({ isYou: true, isSubscriber: true });
  });

  it("reports no patient without an id", async () => {
    expect(await getMemberCoverage(store, null, demoNow)).toEqual({ kind: "no-patient" });
    expect(await getMemberCoverage(store, "not-stored", demoNow)).toEqual({ kind: "no-patient" });
  });
});

describe.skipIf(!hasSampleData())("getMemberCoverage on CARIN and Synthea samples", () => {
  let db: Database;
  let store: FhirStore;
  const syntheaPatientId = "bae2bf00-eca1-47fb-bb43-272f8de1449c";

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    const report = await importPaths(db, [
      path.join(SAMPLE_DATA_DIR, "carin-bb/stu2.0.0"),
      path.join(SAMPLE_DATA_DIR, "synthea/smart-generated-sample-data-r4/Louis_Maggio_2e275d4b-855a-4eb2-9021-5410aa8acd4f.json"),
    ]);
    expect(report.rejections).toEqual([]);
  });

  afterAll(async () => {
    await db.close();
  });

  it("maps a CARIN Coverage without limits", async () => {
    const view = patientView(await getMemberCoverage(store, "Patient1", new Date("2020-12-01T12:00:00Z")));

    expect(view.coverage).toMatchObject({
      planName: "GR5-HMO DEDUCTIBLE",
      payerName: "UPMC Health Plan",
      groupName: "MEDICARE HMO PLAN",
      groupNumber: "MCHMO1",
      memberId: "88800933501",
      subscriberId: "888009335",
      relationship: "self",
    });
    expect(view.spending.limitsSource).toBeNull();
    expect(view.spending.counted).toBe("all");
    expect(view.spending.individual.outOfPocket).toEqual({ spent: usd(0), limit: null, remaining: null });
    expect(view.spending.claimCount).toBe(2);
  });

  it("counts out-of-network care without limits", async () => {
    const view = patientView(await getMemberCoverage(store, "Patient1", new Date("2017-03-01T12:00:00Z")));

    expect(view.spending.planYear).toMatchObject({ firstDay: { year: 2017, month: 1, day: 1 }, lastDay: { year: 2017, month: 6, day: 30 } });
    expect(view.spending.individual.outOfPocket.spent).toEqual(usd(12_000));
    expect(view.spending.outOfNetwork).toBeNull();
  });

  it("shows the requested year's own plan", async () => {
    const view = patientView(await getMemberCoverage(store, "Patient1", new Date("2024-03-01T12:00:00Z"), 2017));

    expect(view.claimYears).toContain(2017);
    expect(view.spending.planYear).toMatchObject({ firstDay: { year: 2017, month: 1, day: 1 }, lastDay: { year: 2017, month: 6, day: 30 } });
    expect(view.spending.claimCount).toBe(1);
    expect(view.uncoveredYear).toBeNull();
    expect(view.coverage).not.toBeNull();
  });

  it("says when no coverage covered a year", async () => {
    const view = patientView(await getMemberCoverage(store, "Patient1", new Date("2024-03-01T12:00:00Z"), 2018));

    expect(view.uncoveredYear).toBe(2018);
    expect(view.coverage).toBeNull();
    expect(view.spending.planYear).toMatchObject({ firstDay: { year: 2018, month: 1, day: 1 }, lastDay: { year: 2018, month: 12, day: 31 } });
  });

  it("sums a Synthea year without Coverage", async () => {
    const view = patientView(await getMemberCoverage(store, syntheaPatientId, new Date("2020-12-01T12:00:00Z")));

    expect(view.coverage).toBeNull();
    expect(view.planFromClaims).toEqual({ planName: "private", payerName: null });
    expect(view.spending.limitsSource).toBeNull();
    expect(view.spending.individual.deductible.spent).toEqual(usd(0));
    expect(view.spending.individual.outOfPocket.spent).toEqual(usd(5_620));
    expect(view.spending.claimCount).toBe(2);
    expect(view.spending.unreadableCount).toBe(1);
    expect(view.spending.family).toBeNull();
  });

  it("opens a Synthea member's earlier year", async () => {
    const view = patientView(await getMemberCoverage(store, syntheaPatientId, new Date("2026-12-01T12:00:00Z"), 2020));

    expect(view.spending.individual.outOfPocket.spent).toEqual(usd(5_620));
    expect(view.claimYears).toEqual([2021, 2020, 2019, 2018, 2016, 2013, 2012, 1981, 1976]);
  });
});

/** Adds the named adjudication categories over every line of the claims, in cents. */
function sumLines(claims: readonly ExplanationOfBenefit[], codes: readonly string[]): number {
  let cents = 0;
  for (const item of claims.flatMap((eob) => eob.item ?? [])) {
    for (const entry of item.adjudication ?? []) {
      const matches = codes.some((code) => (entry.category.coding ?? []).some((coding) => coding.code === code));
      if (matches) {
        cents += Math.round((entry.amount?.value ?? 0) * 100);
      }
    }
  }
  return cents;
}
