import type { Coverage } from "fhir/r4";

import { periodToDateRange } from "../fhir/date-range";
import type { FhirStore } from "../fhir/store/fhir-store";
import { calendarDayOfInstant } from "./calendar-day";
import { listFamilyCoverages } from "./list-family-coverages";
import { isInPlanYear, planYearOf, type PlanYear } from "./plan-year-of";
import { selectCurrentCoverage } from "./select-current-coverage";

/** The member's plan and the plan year the coverage pages show. */
export interface PlanContext {
  /** The member's current Coverage; null when none is stored. */
  coverage: Coverage | null;
  planYear: PlanYear;
  /** Whether today falls in the plan year; false when the coverage has ended or not yet begun. */
  isCurrent: boolean;
  /** The Coverage of everyone on the plan that year, the member's own first; empty without coverage. */
  familyCoverages: Coverage[];
  /** The requested year when the member has Coverage stored but none that covered any day of it; else null. */
  uncoveredYear: number | null;
}

/**
 * Loads the member's Coverage, plan year and family Coverage. Without `requestedYear` the plan
 * year is the one that contains `now` (the calendar year without a Coverage period). With it, the
 * plan year is the one that contains Dec 31 of that year, which is the plan year that starts in
 * it for calendar and mid-year plans alike. Only a Coverage whose period overlaps the requested
 * year is used for it, so a link to 2017 never shows another year's plan: without one, the plan
 * year is the calendar year and `uncoveredYear` is set.
 */
export async function loadPlanContext(store: FhirStore, patientId: string, now: Date, requestedYear?: number): Promise<PlanContext> {
  const today = calendarDayOfInstant(now);
  const reference = requestedYear === undefined ? now : new Date(Date.UTC(requestedYear, 11, 31, 12));
  const stored = await store.listInPatientCompartment(patientId, "Coverage");
  const candidates = requestedYear === undefined ? stored : stored.filter((coverage) => overlapsYear(coverage, requestedYear));
  const coverage = selectCurrentCoverage(candidates, patientId, reference);
  const planYear = planYearOf(coverage?.period, calendarDayOfInstant(reference));

  const familyCoverages = coverage ? await listFamilyCoverages(store, coverage, planYear) : [];
  const hasOwnCoverage = selectCurrentCoverage(stored, patientId, reference) !== null;
  const uncoveredYear = requestedYear !== undefined && coverage === null && hasOwnCoverage ? requestedYear : null;
  return { coverage, planYear, isCurrent: isInPlanYear(planYear, today), familyCoverages, uncoveredYear };
}

/** Tells whether a Coverage period shares at least one day with the calendar year; a Coverage without a period does. */
function overlapsYear(coverage: Coverage, year: number): boolean {
  const period = periodToDateRange(coverage.period?.start, coverage.period?.end);
  return period === undefined || (period.start < new Date(Date.UTC(year + 1, 0, 1)) && new Date(Date.UTC(year, 0, 1)) < period.end);
}
