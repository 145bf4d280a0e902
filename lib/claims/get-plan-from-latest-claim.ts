import type { Coverage, ExplanationOfBenefit } from "fhir/r4";

import type { FhirStore } from "../fhir/store/fhir-store";
import { parseFhirDate } from "./parse-fhir-date";
import type { PlanSummary } from "./to-plan-summary";
import { toPlanSummary } from "./to-plan-summary";

/**
 * Returns the plan named by the member's newest claim, for data that carries no Coverage
 * resources of its own: Synthea writes the Coverage inside each ExplanationOfBenefit
 * (`insurance.coverage` = "#coverage") with only a kind of plan ("private", "medicare") as its
 * type and payor. Returns null when no claim names a plan.
 */
export async function getPlanFromLatestClaim(store: FhirStore, patientId: string): Promise<PlanSummary | null> {
  const claims = await store.listInPatientCompartment(patientId, "ExplanationOfBenefit");
  const newestFirst = claims
    // A draft is not ready for use and an entered-in-error claim never happened.
    .filter((eob) => eob.patient.reference === `Patient/${patientId}` && eob.status !== "draft" && eob.status !== "entered-in-error")
    .map((eob) => ({ eob, time: startOf(eob) }))
    .sort((left, right) => right.time - left.time);

  for (const { eob } of newestFirst) {
    const coverage = focalContainedCoverage(eob);
    if (coverage) {
      const plan = toPlanSummary(coverage, new Map());
      // Synthea's payor display repeats the kind of plan, which names no insurer.
      const insurer = eob.insurer.display?.trim();
      return { planName: plan.planName, payerName: insurer && insurer !== coverage.type?.text ? insurer : null };
    }
  }
  return null;
}

function startOf(eob: ExplanationOfBenefit): number {
  const date = parseFhirDate(eob.billablePeriod?.start) ?? parseFhirDate(eob.created);
  return date ? date.start.getTime() : Number.NEGATIVE_INFINITY;
}

function focalContainedCoverage(eob: ExplanationOfBenefit): Coverage | undefined {
  const insurance = eob.insurance.find((entry) => entry.focal) ?? eob.insurance[0];
  const reference = insurance?.coverage.reference;
  if (!reference?.startsWith("#")) {
    return undefined;
  }
  return eob.contained?.find((resource): resource is Coverage => resource.resourceType === "Coverage" && resource.id === reference.slice(1));
}
