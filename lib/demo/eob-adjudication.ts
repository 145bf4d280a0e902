import type { CodeableConcept, ExplanationOfBenefitItemAdjudication, ExplanationOfBenefitTotal } from "fhir/r4";

import type { LineAmounts } from "./benefit-accumulator";
import { codeSystems } from "./code-systems";
import { toMoney } from "./to-money";

/**
 * The adjudication category written for each amount. Submitted, eligible (allowed), deductible and
 * copay come from the base FHIR adjudication code system; the rest from CARIN's C4BBAdjudication.
 */
export const eobAmountCategories: Record<keyof LineAmounts, { system: string; code: string; display: string }> = {
  submitted: { system: codeSystems.adjudication, code: "submitted", display: "Submitted Amount" },
  eligible: { system: codeSystems.adjudication, code: "eligible", display: "Eligible Amount" },
  discount: { system: codeSystems.c4bbAdjudication, code: "discount", display: "Discount" },
  deductible: { system: codeSystems.adjudication, code: "deductible", display: "Deductible" },
  copay: { system: codeSystems.adjudication, code: "copay", display: "CoPay" },
  coinsurance: { system: codeSystems.c4bbAdjudication, code: "coinsurance", display: "Co-insurance" },
  noncovered: { system: codeSystems.c4bbAdjudication, code: "noncovered", display: "Noncovered" },
  memberLiability: { system: codeSystems.c4bbAdjudication, code: "memberliability", display: "Member liability" },
  paidToProvider: { system: codeSystems.c4bbAdjudication, code: "paidtoprovider", display: "Paid to provider" },
};

const amountKeys = Object.keys(eobAmountCategories) as (keyof LineAmounts)[];

/** Categories every line carries even when zero; the others appear on a line only when non-zero. */
const alwaysOnLine: ReadonlySet<keyof LineAmounts> = new Set(["submitted", "eligible", "memberLiability", "paidToProvider"]);

/**
 * Returns a line's amount adjudications in a fixed order. Zero discount, deductible, copay,
 * coinsurance and noncovered amounts are left out to keep EOBs small; readers treat a missing
 * category as zero. EOB.total always lists every category.
 */
export function toAmountAdjudications(amounts: LineAmounts): ExplanationOfBenefitItemAdjudication[] {
  return amountKeys
    .filter((key) => alwaysOnLine.has(key) || amounts[key] !== 0)
    .map((key) => ({ category: categoryOf(key), amount: toMoney(amounts[key]) }));
}

/** Returns EOB.total: one entry per amount category, zero or not, with the sum over all lines. */
export function toTotals(lines: readonly LineAmounts[]): ExplanationOfBenefitTotal[] {
  return amountKeys.map((key) => ({
    category: categoryOf(key),
    amount: toMoney(lines.reduce((sum, line) => sum + line[key], 0)),
  }));
}

/** Returns a CARIN discriminator entry, such as benefitpaymentstatus = innetwork. */
export function discriminator(category: string, reason: CodeableConcept): ExplanationOfBenefitItemAdjudication {
  return { category: { coding: [{ system: codeSystems.c4bbAdjudicationDiscriminator, code: category }] }, reason };
}

/** The in-network payer adjudication status. */
export const inNetwork: CodeableConcept = {
  coding: [{ system: codeSystems.c4bbPayerAdjudicationStatus, code: "innetwork", display: "In Network" }],
};

/** X12 claim adjustment reason 96, the usual reason for a denied non-covered line. */
export const nonCoveredReason: CodeableConcept = {
  coding: [{ system: codeSystems.claimAdjustmentReason, code: "96", display: "Non-covered charge(s)" }],
};

function categoryOf(key: keyof LineAmounts): CodeableConcept {
  const { system, code, display } = eobAmountCategories[key];
  return { coding: [{ system, code, display }] };
}
