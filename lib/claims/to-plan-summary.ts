import type { Coverage } from "fhir/r4";

import type { ReferenceNames } from "./claim-summary";
import { referenceKey, toReferenceTarget } from "./reference-target";

/** The member's health plan as the member page shows it. */
export interface PlanSummary {
  /** The plan's name, or null when the Coverage names none. */
  planName: string | null;
  /** The insurer's name, or null when the Coverage and the store give none. */
  payerName: string | null;
}

/** Coverage class type codes (http://terminology.hl7.org/CodeSystem/coverage-class). */
const coverageClassSystem = "http://terminology.hl7.org/CodeSystem/coverage-class";

/**
 * Maps a Coverage to the plan card. The plan name comes from the class of type "plan" (its name,
 * else its value), else from Coverage.type. The payer is the first payor's display, else the name
 * of the Organization it references, taken from `names`.
 */
export function toPlanSummary(coverage: Coverage, names: ReferenceNames): PlanSummary {
  return { planName: planNameOf(coverage), payerName: payerNameOf(coverage, names) };
}

function planNameOf(coverage: Coverage): string | null {
  const planClass = (coverage.class ?? []).find((coverageClass) =>
    (coverageClass.type.coding ?? []).some(
      (coding) => coding.code === "plan" && (coding.system === undefined || coding.system === coverageClassSystem),
    ),
  );
  const fromClass = planClass?.name?.trim() || planClass?.value.trim();
  if (fromClass) {
    return fromClass;
  }
  return coverage.type?.text?.trim() || coverage.type?.coding?.find((coding) => coding.display)?.display?.trim() || null;
}

function payerNameOf(coverage: Coverage, names: ReferenceNames): string | null {
  const [payor] = coverage.payor;
  const display = payor?.display?.trim();
  if (display) {
    return display;
  }
  const target = toReferenceTarget(payor);
  if (target?.resourceType !== "Organization") {
    return null;
  }
  return names.get(referenceKey(target)) ?? null;
}
