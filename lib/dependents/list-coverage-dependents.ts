import type { FhirStore } from "../fhir/store/fhir-store";
import { toReferenceTarget } from "../claims/reference-target";
import { isCoverageInForce } from "./is-coverage-in-force";

/**
 * Lists the Patient ids of the beneficiaries on Coverages in force whose subscriber is
 * `subscriberId`, the subscriber left out, in Coverage order without repeats. Coverage.subscriber
 * is the test, as the CARIN Blue Button Coverage profile models a family: one Coverage per
 * beneficiary, each naming the same subscriber.
 */
export async function listCoverageDependents(store: FhirStore, subscriberId: string, today: Date): Promise<string[]> {
  const coverages = await store.listInPatientCompartment(subscriberId, "Coverage");

  const dependentIds = new Set<string>();
  for (const coverage of coverages) {
    const subscriber = toReferenceTarget(coverage.subscriber);
    const beneficiary = toReferenceTarget(coverage.beneficiary);
    if (subscriber?.resourceType !== "Patient" || subscriber.id !== subscriberId) continue;
    if (beneficiary?.resourceType !== "Patient" || beneficiary.id === subscriberId) continue;
    if (!isCoverageInForce(coverage, today)) continue;
    dependentIds.add(beneficiary.id);
  }
  return [...dependentIds];
}
