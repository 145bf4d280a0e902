import { randomBytes } from "node:crypto";

import type { Condition, Coverage, Encounter, ExplanationOfBenefit, FhirResource } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { gapResources } from "../../care-gaps/care-gap-test-resources";
import { computeRiskScore, currentClinicalStatuses, emergencyClassCodes, inpatientClassCodes } from "../../care/risk-score";
import { computeClaimAmounts } from "../../claims/compute-claim-amounts";
import { computePlanPaid } from "../../claims/compute-plan-paid";
import { isReferenceTo, toReferenceTarget } from "../../claims/reference-target";
import { toCalendarDate } from "../../coverage/calendar-day";
import { serviceDayOf } from "../../coverage/plan-year-claims";
import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { generateDemoData } from "../../demo/generate-demo-data";
import { FhirStore } from "../../fhir/store/fhir-store";
import type { ResourceOf, ResourceType } from "../../fhir/resource-of";
import { refreshAnalyticsViews } from "../refresh-analytics-views";
import { quoteIdentifier } from "../write-view-rows";
import type { AggregateScope, AggregateSource } from "./aggregate-scope";
import { getGapClosureRates } from "./get-gap-closure-rates";
import { getMemberSpending } from "./get-member-spending";
import { getPopulationTotals } from "./get-population-totals";
import { getRiskDistribution } from "./get-risk-distribution";
import { hasBuiltViews } from "./has-built-views";
import { listClaimCostByMonth, type ClaimCategory } from "./list-claim-cost-by-month";
import { listGapCounts } from "./list-gap-counts";
import { listUtilizationPerThousand } from "./list-utilization-per-thousand";

// Each PostgreSQL test file has its own schema, so the analytics schema gets its own name too.
const SCHEMA = process.env.TEST_DATABASE_URL ? `analytics_${randomBytes(6).toString("hex")}` : "analytics";
const TODAY = new Date("2026-11-15T12:00:00Z");
const PLAN_YEAR = { firstDay: "2026-01-01", lastDay: "2026-12-31" };
const ALL: AggregateScope = { kind: "all" };

let db: Database;
let store: FhirStore;
let patientIds: string[];

/** Reads the current resources of one type straight from the store's tables, without the analytics views. */
async function readCurrent<K extends ResourceType>(resourceType: K): Promise<ResourceOf<K>[]> {
  const rows = await db.sql.query<{ content: ResourceOf<K> }>(
    `SELECT v.content FROM resource r JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE r.resource_type = $1 AND NOT r.deleted`,
    [resourceType],
  );
  return rows.map((row) => row.content);
}

function source(scope: AggregateScope): AggregateSource {
  return { scope, schema: SCHEMA };
}

function inScope(scope: AggregateScope, patientId: string | undefined): boolean {
  return patientId !== undefined && (scope.kind === "all" || scope.patientIds.includes(patientId));
}

function patientOf(reference: { reference?: string } | undefined): string | undefined {
  const target = toReferenceTarget(reference);
  return target?.resourceType === "Patient" ? target.id : undefined;
}

function isoDayOf(eob: ExplanationOfBenefit): string | null {
  const day = serviceDayOf(eob);
  if (day === null) return null;
  const date = toCalendarDate(day);
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

function categoryOf(eob: ExplanationOfBenefit): ClaimCategory {
  const type = eob.type.coding?.[0]?.code ?? "";
  const subType = eob.subType?.coding?.[0]?.code ?? "";
  if (type === "institutional" && (subType === "inpatient" || subType === "outpatient")) return subType;
  return ["professional", "institutional", "pharmacy", "oral", "vision"].includes(type) ? (type as ClaimCategory) : "other";
}

/** Computes the claim rows the way the claims pages read each ExplanationOfBenefit. */
async function expectedClaimRows(scope: AggregateScope, range = PLAN_YEAR): Promise<{ month: string; category: ClaimCategory; planPaidCents: number; memberPaidCents: number }[]> {
  const eobs = await readCurrent("ExplanationOfBenefit");
  return eobs
    .filter((eob) => eob.status === "active" && inScope(scope, patientOf(eob.patient)))
    .map((eob) => ({ eob, day: isoDayOf(eob) }))
    .filter(({ day }) => day !== null && day >= range.firstDay && day <= range.lastDay)
    .map(({ eob, day }) => {
      const owes = computeClaimAmounts(eob).memberOwes;
      return {
        month: (day ?? "").slice(0, 7),
        category: categoryOf(eob),
        planPaidCents: computePlanPaid(eob)?.minorUnits ?? 0,
        memberPaidCents: owes.kind === "unknown" ? 0 : owes.amount.minorUnits,
      };
    });
}

function sumBy<T>(rows: readonly T[], pick: (row: T) => number): number {
  return rows.reduce((sum, row) => sum + pick(row), 0);
}

/** Care gaps for the first three patients: two measures, two measurement periods, open and closed. */
function gapFixtures(ids: readonly string[]): FhirResource[] {
  const resources: FhirResource[] = [];
  ids.slice(0, 3).forEach((patientId, index) => {
    for (const year of [2025, 2026]) {
      for (const measureId of ["lakeview-cms125", "lakeview-cms130"]) {
        resources.push(...gapResources(patientId, measureId, year, (index + year + measureId.length) % 2 === 0 ? "open" : "closed"));
      }
    }
  });
  return resources;
}

beforeAll(async () => {
  db = await openTestDatabase();
  store = new FhirStore(db);
  const { resources } = generateDemoData({ members: 8, seed: 21, today: TODAY });
  patientIds = resources.filter((resource) => resource.resourceType === "Patient").map((resource) => resource.id ?? "");
  await store.writeAll([...resources, ...gapFixtures(patientIds)].map((resource) => ({ kind: "put", resource })));
}, 120_000);

afterAll(async () => {
  if (process.env.TEST_DATABASE_URL) await db?.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(SCHEMA)} CASCADE`);
  await db?.close();
});

describe("hasBuiltViews", () => {
  it("reports missing tables before the first refresh", async () => {
    expect(await hasBuiltViews(db, ["claim_cost"], SCHEMA)).toBe(false);

    await refreshAnalyticsViews(db, { schema: SCHEMA });

    expect(await hasBuiltViews(db, ["claim_cost", "care_gap", "measure_report", "encounter", "condition", "coverage_period"], SCHEMA)).toBe(true);
  }, 120_000);
});

describe("getMemberSpending", () => {
  it("matches the claims pages per member", async () => {
    for (const patientId of patientIds) {
      const scope: AggregateScope = { kind: "patients", patientIds: [patientId] };
      const expected = await expectedClaimRows(scope);

      const spending = await getMemberSpending(db, source(scope), PLAN_YEAR, null);

      expect(spending.months).toHaveLength(12);
      for (const month of spending.months) {
        const ofMonth = expected.filter((row) => row.month === month.month);
        expect(month.planPaidCents, `${patientId} ${month.month} plan paid`).toBe(sumBy(ofMonth, (row) => row.planPaidCents));
        expect(month.memberPaidCents, `${patientId} ${month.month} member paid`).toBe(sumBy(ofMonth, (row) => row.memberPaidCents));
      }
      for (const category of spending.categories) {
        const ofCategory = expected.filter((row) => row.category === category.category);
        expect(category.claims).toBe(ofCategory.length);
        expect(category.planPaidCents).toBe(sumBy(ofCategory, (row) => row.planPaidCents));
        expect(category.memberPaidCents).toBe(sumBy(ofCategory, (row) => row.memberPaidCents));
      }
      expect(spending.totals.claims).toBe(expected.length);
    }
  });

  it("has claims to compare in the plan year", async () => {
    const rows = await expectedClaimRows(ALL);

    expect(rows.length).toBeGreaterThan(10);
    expect(sumBy(rows, (row) => row.memberPaidCents)).toBeGreaterThan(0);
  });

  it("leaves out a claim naming the member as payee", async () => {
    const [memberA = "", memberB = ""] = patientIds;
    const claimOfB: ExplanationOfBenefit = {
      resourceType: "ExplanationOfBenefit",
      id: "attack-eob-of-b",
      status: "active",
      type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "professional" }] },
      use: "claim",
      patient: { reference: `Patient/${memberB}` },
      payee: { type: { coding: [{ code: "subscriber" }] }, party: { reference: `Patient/${memberA}` } },
      billablePeriod: { start: "2026-03-04" },
      created: "2026-03-05",
      insurer: { reference: "Organization/x" },
      provider: { reference: "Organization/x" },
      outcome: "complete",
      insurance: [{ focal: true, coverage: { reference: "Coverage/x" } }],
      total: [{ category: { coding: [{ system: "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication", code: "memberliability" }] }, amount: { value: 777.77, currency: "USD" } }],
    };
    const before = await getMemberSpending(db, source({ kind: "patients", patientIds: [memberA] }), PLAN_YEAR, null);
    await store.create(claimOfB);
    await refreshAnalyticsViews(db, { schema: SCHEMA });

    const afterA = await getMemberSpending(db, source({ kind: "patients", patientIds: [memberA] }), PLAN_YEAR, null);
    const afterB = await getMemberSpending(db, source({ kind: "patients", patientIds: [memberB] }), PLAN_YEAR, null);

    expect(afterA.totals).toEqual(before.totals);
    expect(afterB.months.find((month) => month.month === "2026-03")?.memberPaidCents).toBeGreaterThanOrEqual(77_777);
    expect(isReferenceTo(claimOfB.patient, "Patient", memberA)).toBe(false);
  });

  it("follows an updated claim after an incremental refresh", async () => {
    const [memberA = ""] = patientIds;
    const claims = (await readCurrent("ExplanationOfBenefit")).filter((eob) => patientOf(eob.patient) === memberA && eob.status === "active" && (isoDayOf(eob) ?? "") >= PLAN_YEAR.firstDay);
    const claim = claims[0];
    expect(claim).toBeDefined();
    const before = await getMemberSpending(db, source({ kind: "patients", patientIds: [memberA] }), PLAN_YEAR, null);

    await store.update({ ...(claim as ExplanationOfBenefit), status: "cancelled" });
    const [result] = (await refreshAnalyticsViews(db, { schema: SCHEMA })).filter((refresh) => refresh.view === "claim_cost");
    const after = await getMemberSpending(db, source({ kind: "patients", patientIds: [memberA] }), PLAN_YEAR, null);

    expect(result?.mode).toBe("incremental");
    expect(after.totals.claims).toBe(before.totals.claims - 1);
    expect(after.totals.memberPaidCents).toBe(sumBy(await expectedClaimRows({ kind: "patients", patientIds: [memberA] }), (row) => row.memberPaidCents));
  });
});

describe("listClaimCostByMonth", () => {
  it("matches every claim for the whole population", async () => {
    const expected = await expectedClaimRows(ALL);

    const rows = await listClaimCostByMonth(db, source(ALL), PLAN_YEAR);

    const keys = [...new Set(expected.map((row) => `${row.month} ${row.category}`))].sort();
    expect(rows.map((row) => `${row.month} ${row.category}`)).toEqual(keys);
    for (const row of rows) {
      const matching = expected.filter((candidate) => candidate.month === row.month && candidate.category === row.category);
      expect(row.claims).toBe(matching.length);
      expect(row.planPaidCents).toBe(sumBy(matching, (candidate) => candidate.planPaidCents));
      expect(row.memberPaidCents).toBe(sumBy(matching, (candidate) => candidate.memberPaidCents));
    }
  });
});

describe("listGapCounts", () => {
  async function expectedGapCounts(scope: AggregateScope): Promise<Map<string, { open: number; closed: number }>> {
    const reports = new Map((await readCurrent("MeasureReport")).map((report) => [report.id ?? "", report]));
    const counts = new Map<string, { open: number; closed: number }>();
    for (const issue of await readCurrent("DetectedIssue")) {
      if (!inScope(scope, patientOf(issue.patient)) || !issue.code?.coding?.some((coding) => coding.code === "CAREGAP")) continue;
      const reportId = toReferenceTarget(issue.evidence?.[0]?.detail?.[0])?.id ?? "";
      const key = `${toReferenceTarget(issue.implicated?.[0])?.id} ${reports.get(reportId)?.period.start ?? null}`;
      const count = counts.get(key) ?? { open: 0, closed: 0 };
      const status = issue.modifierExtension?.[0]?.valueCodeableConcept?.coding?.[0]?.code;
      if (status === "open-gap") count.open += 1;
      if (status === "closed-gap") count.closed += 1;
      counts.set(key, count);
    }
    return counts;
  }

  it("matches the DetectedIssues of the whole population", async () => {
    const expected = await expectedGapCounts(ALL);

    const counts = await listGapCounts(db, source(ALL));

    expect(counts.length).toBe(expected.size);
    for (const count of counts) {
      expect({ open: count.open, closed: count.closed }, `${count.measureId} ${count.periodStart}`).toEqual(expected.get(`${count.measureId} ${count.periodStart}`));
    }
  });

  it("matches the DetectedIssues of one panel", async () => {
    const panel: AggregateScope = { kind: "patients", patientIds: patientIds.slice(1, 2) };
    const expected = await expectedGapCounts(panel);

    const counts = await listGapCounts(db, source(panel));

    expect(counts.length).toBe(expected.size);
    for (const count of counts) {
      expect({ open: count.open, closed: count.closed }, `${count.measureId} ${count.periodStart}`).toEqual(expected.get(`${count.measureId} ${count.periodStart}`));
    }
  });

  it("leaves out gaps of patients outside the panel", async () => {
    const panel: AggregateScope = { kind: "patients", patientIds: patientIds.slice(1, 2) };

    const panelTotal = sumBy(await listGapCounts(db, source(panel)), (count) => count.open + count.closed);
    const allTotal = sumBy(await listGapCounts(db, source(ALL)), (count) => count.open + count.closed);

    expect(panelTotal).toBe(4);
    expect(allTotal).toBe(12);
  });

  it("computes closure rates from the counts", async () => {
    const rates = await getGapClosureRates(db, source(ALL));

    for (const rate of rates) {
      expect(rate.rate).toBeCloseTo(rate.closed / (rate.open + rate.closed), 10);
    }
  });
});

describe("getRiskDistribution", () => {
  async function expectedScores(ids: readonly string[]): Promise<number[]> {
    const since = new Date(TODAY);
    since.setUTCFullYear(since.getUTCFullYear() - 1);
    const conditions = await readCurrent("Condition");
    const encounters = await readCurrent("Encounter");
    const issues = await readCurrent("DetectedIssue");
    const chronic = (condition: Condition): boolean =>
      condition.category?.[0]?.coding?.[0]?.code === "problem-list-item" &&
      (currentClinicalStatuses as readonly string[]).includes(condition.clinicalStatus?.coding?.[0]?.code ?? "");
    const recentOfClass = (encounter: Encounter, classes: readonly string[]): boolean =>
      classes.includes(encounter.class.code ?? "") && encounter.period?.start !== undefined && new Date(encounter.period.start) >= since;

    return ids.map((patientId) =>
      computeRiskScore({
        chronicConditions: conditions.filter((condition) => patientOf(condition.subject) === patientId && chronic(condition)).length,
        inpatientStays: encounters.filter((encounter) => patientOf(encounter.subject) === patientId && recentOfClass(encounter, inpatientClassCodes)).length,
        emergencyVisits: encounters.filter((encounter) => patientOf(encounter.subject) === patientId && recentOfClass(encounter, emergencyClassCodes)).length,
        openGaps: issues.filter((issue) => patientOf(issue.patient) === patientId && issue.status === "preliminary").length,
      }),
    );
  }

  it("matches the scores computed from the resources", async () => {
    const scores = await expectedScores(patientIds);

    const distribution = await getRiskDistribution(db, source({ kind: "patients", patientIds }), TODAY);

    expect(distribution.members).toBe(patientIds.length);
    for (const bin of distribution.bins) {
      const inBin = scores.filter((score) => score >= bin.low && (bin.high === null || score <= bin.high));
      expect(bin.members, `scores ${bin.low} to ${bin.high ?? "up"}`).toBe(inBin.length);
    }
    expect(distribution.bands.high).toBe(scores.filter((score) => score >= 8).length);
    expect(Math.max(...scores)).toBeGreaterThan(0);
  });

  it("counts only the panel's members", async () => {
    const panel = patientIds.slice(0, 2);

    const distribution = await getRiskDistribution(db, source({ kind: "patients", patientIds: panel }), TODAY);

    expect(distribution.members).toBe(2);
    expect(sumBy(distribution.bins, (bin) => bin.members)).toBe(2);
  });
});

describe("listUtilizationPerThousand", () => {
  it("matches the encounters and coverages of each year", async () => {
    const encounters = await readCurrent("Encounter");
    const coverages = await readCurrent("Coverage");
    const covered = (coverage: Coverage, year: number): boolean =>
      (coverage.period?.start === undefined || coverage.period.start.slice(0, 4) <= String(year)) &&
      (coverage.period?.end === undefined || coverage.period.end.slice(0, 4) >= String(year));

    const years = await listUtilizationPerThousand(db, source(ALL), 2022, 2026);

    expect(years.map((year) => year.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    for (const row of years) {
      const ofYear = encounters.filter((encounter) => encounter.period?.start?.slice(0, 4) === String(row.year) && encounter.status !== "cancelled" && encounter.status !== "entered-in-error");
      const members = new Set(coverages.filter((coverage) => covered(coverage, row.year)).map((coverage) => patientOf(coverage.beneficiary)));
      expect(row.members, `${row.year} members`).toBe(members.size);
      expect(row.erVisits, `${row.year} ER visits`).toBe(ofYear.filter((encounter) => encounter.class.code === "EMER").length);
      expect(row.admissions, `${row.year} admissions`).toBe(ofYear.filter((encounter) => (inpatientClassCodes as readonly string[]).includes(encounter.class.code ?? "")).length);
      expect(row.erVisitsPerThousand).toBe(members.size === 0 ? null : (row.erVisits * 1000) / members.size);
    }
    expect(sumBy(years, (year) => year.erVisits + year.admissions)).toBeGreaterThan(0);
  });
});

describe("getPopulationTotals", () => {
  it("matches the Coverages and claims", async () => {
    const coverages = await readCurrent("Coverage");
    const eobs = (await readCurrent("ExplanationOfBenefit")).filter((eob) => eob.status === "active");

    const totals = await getPopulationTotals(db, source(ALL), TODAY);

    expect(totals.members).toBe(new Set(coverages.map((coverage) => patientOf(coverage.beneficiary))).size);
    expect(totals.claims).toBe(eobs.length);
    expect(totals.planPaidCents).toBe(sumBy(eobs, (eob) => computePlanPaid(eob)?.minorUnits ?? 0));
    expect(totals.memberPaidCents).toBe(
      sumBy(eobs, (eob) => {
        const owes = computeClaimAmounts(eob).memberOwes;
        return owes.kind === "unknown" ? 0 : owes.amount.minorUnits;
      }),
    );
  });
});
