import type { ExplanationOfBenefit } from "fhir/r4";

import type { FhirStore } from "../fhir/store/fhir-store";
import type { ClaimSummary } from "./claim-summary";
import { parseFhirDate, type CalendarDate } from "./parse-fhir-date";
import { isReferenceTo, toReferenceTarget, type ReferenceTarget } from "./reference-target";
import { readReferenceNames } from "./read-reference-names";
import { toClaimSummary } from "./to-claim-summary";

/** How many claims the member page lists. */
export const recentClaimLimit = 10;

/**
 * EOB statuses that members see. A cancelled claim is listed with a marker, so the member learns
 * it was withdrawn. A draft is not ready for use, and an entry in error never applied.
 */
const listedStatuses: ReadonlySet<ExplanationOfBenefit["status"]> = new Set(["active", "cancelled"]);

/**
 * Lists the newest claims of one patient, newest first by the date of billablePeriod.start (else
 * created). Only EOBs whose `patient` is this Patient are returned: the Patient compartment also
 * contains EOBs where the patient is only the payee, and those belong to someone else's care.
 */
export async function listMemberClaims(store: FhirStore, patientId: string, limit: number = recentClaimLimit): Promise<ClaimSummary[]> {
  const inCompartment = await store.listInPatientCompartment(patientId, "ExplanationOfBenefit");
  const own = inCompartment.filter((eob) => isReferenceTo(eob.patient, "Patient", patientId) && listedStatuses.has(eob.status));
  const newest = own
    .map((eob) => ({ eob, date: parseFhirDate(eob.billablePeriod?.start) ?? parseFhirDate(eob.created) }))
    .sort(compareNewestFirst)
    .slice(0, limit)
    .map(({ eob }) => eob);

  const providers = newest.filter((eob) => !eob.provider.display).map((eob) => toReferenceTarget(eob.provider));
  const names = await readReferenceNames(store, providers.filter((target): target is ReferenceTarget => target !== null));
  return newest.map((eob) => toClaimSummary(eob, names));
}

interface DatedEob {
  eob: ExplanationOfBenefit;
  /** The service date, or null when it has none. */
  date: CalendarDate | null;
}

/**
 * Newest calendar date first, as the table shows it, so a visit late on Nov 17 at UTC-5 still
 * comes below a Nov 18 visit that began earlier in UTC. Within one date the later instant comes
 * first. EOBs without a readable date come last, and ties go by id for a stable order.
 */
function compareNewestFirst(left: DatedEob, right: DatedEob): number {
  if (left.date && right.date) {
    const byDay = calendarDayNumber(right.date) - calendarDayNumber(left.date);
    const byInstant = right.date.start.getTime() - left.date.start.getTime();
    if (byDay !== 0) return byDay;
    if (byInstant !== 0) return byInstant;
  } else if (left.date !== right.date) {
    return left.date === null ? 1 : -1;
  }
  return (left.eob.id ?? "").localeCompare(right.eob.id ?? "");
}

/** Numbers a calendar date as written, 20261117 for Nov 17, 2026. A month or a year counts as its first day. */
function calendarDayNumber(date: CalendarDate): number {
  return date.year * 10_000 + (date.month ?? 1) * 100 + (date.day ?? 1);
}
