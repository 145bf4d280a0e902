import type { ExplanationOfBenefit } from "fhir/r4";

import type { FhirStore } from "../fhir/store/fhir-store";
import type { ClaimSummary } from "./claim-summary";
import { parseFhirDate } from "./parse-fhir-date";
import { isReferenceTo, toReferenceTarget, type ReferenceTarget } from "./reference-target";
import { readReferenceNames } from "./read-reference-names";
import { toClaimSummary } from "./to-claim-summary";

/** How many claims the member page lists. */
export const recentClaimLimit = 10;

/**
 * Lists the newest claims of one patient, newest first by billablePeriod.start (else created).
 * Only EOBs whose `patient` is this Patient are returned: the Patient compartment also contains EOBs
 * where the patient is only the payee, and those belong to someone else's care.
 */
export async function listMemberClaims(store: FhirStore, patientId: string, limit: number = recentClaimLimit): Promise<ClaimSummary[]> {
  const inCompartment = await store.listInPatientCompartment(patientId, "ExplanationOfBenefit");
  const own = inCompartment.filter((eob) => isReferenceTo(eob.patient, "Patient", patientId) && eob.status !== "entered-in-error");
  const newest = own
    .map((eob) => ({ eob, time: serviceInstant(eob) }))
    .sort(compareNewestFirst)
    .slice(0, limit)
    .map(({ eob }) => eob);

  const providers = newest.filter((eob) => !eob.provider.display).map((eob) => toReferenceTarget(eob.provider));
  const names = await readReferenceNames(store, providers.filter((target): target is ReferenceTarget => target !== null));
  return newest.map((eob) => toClaimSummary(eob, names));
}

interface DatedEob {
  eob: ExplanationOfBenefit;
  /** Milliseconds since the epoch of the service date's start, or null when it has none. */
  time: number | null;
}

function serviceInstant(eob: ExplanationOfBenefit): number | null {
  const date = parseFhirDate(eob.billablePeriod?.start) ?? parseFhirDate(eob.created);
  return date ? date.start.getTime() : null;
}

/** Newest service date first; EOBs without a readable date last; ties by id for a stable order. */
function compareNewestFirst(left: DatedEob, right: DatedEob): number {
  if (left.time !== right.time) {
    if (left.time === null) return 1;
    if (right.time === null) return -1;
    return right.time - left.time;
  }
  return (left.eob.id ?? "").localeCompare(right.eob.id ?? "");
}
