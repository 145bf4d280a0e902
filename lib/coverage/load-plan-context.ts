import type { Coverage } from "fhir/r4";

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
}

/**
 * Loads the member's Coverage, plan year and family Coverage. Without `requestedYear` the plan
 * year is the one that contains `now` (the calendar year without a Coverage period). With it, the
 * plan year is the one that contains Dec 31 of that year, which is the plan year that starts in
 * it for calendar and mid-year plans alike.
 */
export async function loadPlanContext(store: FhirStore, patientId: string, now: Date, requestedYear?: number): Promise<PlanContext> {
  const today = calendarDayOfInstant(now);
  const reference = requestedYear === undefined ? now : new Date(Date.UTC(requestedYear, 11, 31, 12));
  const coverage = selectCurrentCoverage(await store.listInPatientCompartment(patientId, "Coverage"), patientId, reference);
  const planYear = planYearOf(coverage?.period, calendarDayOfInstant(reference));

  const familyCoverages = coverage ? await listFamilyCoverages(store, coverage, planYear) : [];
  return { coverage, planYear, isCurrent: isInPlanYear(planYear, today), familyCoverages };
}
