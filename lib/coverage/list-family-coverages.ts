import type { Coverage } from "fhir/r4";

import { parseFhirDate } from "../claims/parse-fhir-date";
import { toReferenceTarget } from "../claims/reference-target";
import type { FhirStore } from "../fhir/store/fhir-store";
import { firstDayOf, lastDayOf } from "./calendar-day";
import type { PlanYear } from "./plan-year-of";

const planClass = { system: "http://terminology.hl7.org/CodeSystem/coverage-class", code: "plan" };

/**
 * Lists the Coverage of everyone on the member's plan in the plan year: Coverage with the same
 * subscriber Patient (and subscriberId, when both state one), the same plan class and payor, and
 * a period that overlaps the plan year. The member's own Coverage is always first. Cancelled and
 * entered-in-error Coverage is left out.
 * NOTE: a Coverage that names its subscriber only by subscriberId, without a Patient reference,
 * has no family found, because R4 Coverage has no search parameter for subscriberId.
 */
export async function listFamilyCoverages(store: FhirStore, coverage: Coverage, planYear: PlanYear): Promise<Coverage[]> {
  const subscriber = toReferenceTarget(coverage.subscriber);
  if (subscriber?.resourceType !== "Patient") {
    return [coverage];
  }

  // A Coverage is in its subscriber's compartment, so this finds every Coverage they subscribe to.
  const candidates = await store.listInPatientCompartment(subscriber.id, "Coverage");
  const family = candidates.filter(
    (candidate) =>
      candidate.id !== coverage.id &&
      candidate.status !== "cancelled" &&
      candidate.status !== "entered-in-error" &&
      toReferenceTarget(candidate.subscriber)?.id === subscriber.id &&
      toReferenceTarget(candidate.subscriber)?.resourceType === "Patient" &&
      sameWhenBothStated(candidate.subscriberId, coverage.subscriberId) &&
      sameWhenBothStated(planOf(candidate), planOf(coverage)) &&
      payorKey(candidate) === payorKey(coverage) &&
      overlaps(candidate, planYear),
  );
  return [coverage, ...family];
}

function sameWhenBothStated(left: string | undefined, right: string | undefined): boolean {
  return left === undefined || right === undefined || left === right;
}

function planOf(coverage: Coverage): string | undefined {
  const entry = (coverage.class ?? []).find((candidate) =>
    (candidate.type.coding ?? []).some((coding) => coding.system === planClass.system && coding.code === planClass.code),
  );
  return entry?.value;
}

function payorKey(coverage: Coverage): string {
  const [payor] = coverage.payor;
  return payor?.reference ?? payor?.identifier?.value ?? payor?.display ?? "";
}

function overlaps(coverage: Coverage, planYear: PlanYear): boolean {
  const start = parseFhirDate(coverage.period?.start);
  const end = parseFhirDate(coverage.period?.end);
  const startsBeforeEnd = !start || firstDayOf(start) <= planYear.lastDay;
  const endsAfterStart = !end || lastDayOf(end) >= planYear.firstDay;
  return startsBeforeEnd && endsAfterStart;
}
