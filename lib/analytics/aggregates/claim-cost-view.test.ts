import fs from "node:fs";
import path from "node:path";

import type { ExplanationOfBenefit } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { computeClaimAmounts } from "../../claims/compute-claim-amounts";
import { computePlanPaid } from "../../claims/compute-plan-paid";
import { toMoney } from "../../claims/money";
import { toCalendarDate } from "../../coverage/calendar-day";
import { serviceDayOf } from "../../coverage/plan-year-claims";
import { generateDemoData } from "../../demo/generate-demo-data";
import { hasSampleData, readSampleResources } from "../../fhir/read-sample-resources";
import { compileViewDefinition } from "../compile-view-definition";
import { PORTAL_VIEWS_DIR } from "../list-portal-view-definitions";

const view = compileViewDefinition(JSON.parse(fs.readFileSync(path.join(PORTAL_VIEWS_DIR, "claim-cost.json"), "utf8")));

function isExplanationOfBenefit(resource: { resourceType: string }): resource is ExplanationOfBenefit {
  return resource.resourceType === "ExplanationOfBenefit";
}

function isoDayOf(eob: ExplanationOfBenefit): string | null {
  const day = serviceDayOf(eob);
  if (day === null) return null;
  const date = toCalendarDate(day);
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

/** Checks the view's row of each claim against the claims pages' own reading of it. */
function expectAgreement(eobs: readonly ExplanationOfBenefit[]): void {
  for (const eob of eobs) {
    const [row] = view.evaluate(eob);
    const owes = computeClaimAmounts(eob).memberOwes;

    expect(toMoney({ value: Number(row?.member_paid) })?.minorUnits, `${eob.id} member paid`).toBe(owes.kind === "unknown" ? 0 : owes.amount.minorUnits);
    expect(toMoney({ value: Number(row?.plan_paid) })?.minorUnits, `${eob.id} plan paid`).toBe(computePlanPaid(eob)?.minorUnits ?? 0);
    expect(row?.service_day === null ? null : String(row?.service_day).slice(0, 10), `${eob.id} service day`).toBe(isoDayOf(eob));
  }
}

// The view is evaluated without a database, so the PostgreSQL pass of npm test would only repeat it.
describe.skipIf(process.env.TEST_DATABASE_URL !== undefined)("claim_cost view", () => {
  it("agrees with the claims pages on demo claims", () => {
    const eobs = generateDemoData({ members: 20, seed: 3, today: new Date("2026-11-15T12:00:00Z") }).resources.filter(isExplanationOfBenefit);

    expect(eobs.length).toBeGreaterThan(100);
    expectAgreement(eobs);
  });

  it.skipIf(!hasSampleData())("agrees with the claims pages on Synthea and CARIN samples", () => {
    const eobs = readSampleResources()
      .map((sample) => sample.resource)
      .filter(isExplanationOfBenefit);

    expect(eobs.length).toBeGreaterThan(100);
    expectAgreement(eobs);
  });
});
