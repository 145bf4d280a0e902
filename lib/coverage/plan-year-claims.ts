import type { ExplanationOfBenefit } from "fhir/r4";

import { parseFhirDate } from "../claims/parse-fhir-date";
import { isReferenceTo, toReferenceTarget } from "../claims/reference-target";
import { firstDayOf, type CalendarDay } from "./calendar-day";
import { isInPlanYear, type PlanYear } from "./plan-year-of";

/** The patient, plan year and plan that decide which claims count. */
export interface ClaimScope {
  patientId: string;
  planYear: PlanYear;
  /**
   * Ids of the stored Coverage of the plan. A claim that names another stored Coverage (a dental
   * plan, say) is left out. Null counts every claim, for members with no Coverage stored.
   */
  coverageIds: ReadonlySet<string> | null;
}

/**
 * Keeps the claims that count toward the plan year: the patient's own, not draft, cancelled or
 * entered in error, with a first service day in the plan year, paid under the plan. A claim whose
 * Coverage is contained or not referenced (Synthea writes it inside the claim) counts.
 */
export function filterPlanYearClaims(claims: readonly ExplanationOfBenefit[], scope: ClaimScope): ExplanationOfBenefit[] {
  return claims.filter((eob) => {
    if (!isReferenceTo(eob.patient, "Patient", scope.patientId) || eob.status !== "active") {
      return false;
    }
    const day = serviceDayOf(eob);
    return day !== null && isInPlanYear(scope.planYear, day) && isUnderPlan(eob, scope.coverageIds);
  });
}

/**
 * Returns the first service day: billablePeriod.start, else the earliest line service date, else
 * the created date. The payer applies a claim to the plan year of its first service day.
 */
export function serviceDayOf(eob: ExplanationOfBenefit): CalendarDay | null {
  const billable = parseFhirDate(eob.billablePeriod?.start);
  if (billable) {
    return firstDayOf(billable);
  }
  const lineDays = (eob.item ?? [])
    .map((item) => parseFhirDate(item.servicedDate ?? item.servicedPeriod?.start))
    .filter((date) => date !== null)
    .map(firstDayOf);
  if (lineDays.length > 0) {
    return Math.min(...lineDays);
  }
  const created = parseFhirDate(eob.created);
  return created ? firstDayOf(created) : null;
}

function isUnderPlan(eob: ExplanationOfBenefit, coverageIds: ReadonlySet<string> | null): boolean {
  if (coverageIds === null) {
    return true;
  }
  const insurance = eob.insurance.find((entry) => entry.focal) ?? eob.insurance[0];
  const target = toReferenceTarget(insurance?.coverage);
  return target?.resourceType !== "Coverage" || coverageIds.has(target.id);
}
