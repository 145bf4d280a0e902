import type { CodeableConcept, ExplanationOfBenefit } from "fhir/r4";

import { toCalendarDay } from "./calendar-day";
import type { ClaimDetail, ClaimDetailTotal, ClaimDiagnosis, ClaimLine, MemberShareParts } from "./claim-detail";
import type { ReferenceNames } from "./claim-summary";
import { computeClaimTotal, computeClaimTotals, type ClaimTotal } from "./compute-claim-totals";
import { computePlanPaid } from "./compute-plan-paid";
import type { Money } from "./money";
import { parseFhirDate } from "./parse-fhir-date";
import { readCategoryAmount, type AmountCategory } from "./read-category-amount";
import { referenceKey, toReferenceTarget } from "./reference-target";
import { toClaimSummary } from "./to-claim-summary";

type Item = NonNullable<ExplanationOfBenefit["item"]>[number];
type Diagnosis = NonNullable<ExplanationOfBenefit["diagnosis"]>[number];

/** A diagnosis code and its text, looked up by the caller from the Condition a diagnosis references. */
export interface CodedText {
  code: string | null;
  description: string | null;
}

/** Names and Condition codes that the mapper cannot read from the EOB itself. */
export interface ClaimDetailLookups {
  /** Practitioner, Organization and Location names by "Type/id". */
  names: ReferenceNames;
  /** The code of each Condition a diagnosis references, by "Condition/id". */
  conditions: ReadonlyMap<string, CodedText>;
}

/**
 * Maps an ExplanationOfBenefit to the claim detail page. Billed, member owes and the service date
 * follow toClaimSummary, so the page and the list agree.
 */
export function toClaimDetail(eob: ExplanationOfBenefit, lookups: ClaimDetailLookups): ClaimDetail {
  const summary = toClaimSummary(eob, lookups.names);
  const start = summary.serviceDate;
  const end = parseFhirDate(eob.billablePeriod?.end);

  return {
    id: summary.id,
    claimType: summary.claimType,
    canceled: summary.canceled,
    providerName: summary.providerName,
    facilityName: facilityNameOf(eob, lookups.names),
    serviceStart: toCalendarDay(start),
    serviceEnd: end && !sameDay(start, end) ? toCalendarDay(end) : null,
    processed: toCalendarDay(parseFhirDate(eob.created)),
    outcome: eob.outcome,
    disposition: eob.disposition?.trim() || null,
    billed: summary.billed,
    planPaid: computePlanPaid(eob),
    memberOwes: summary.memberOwes,
    paymentDate: toCalendarDay(parseFhirDate(eob.payment?.date)),
    lines: (eob.item ?? []).map(toClaimLine),
    diagnoses: (eob.diagnosis ?? []).map((diagnosis) => toClaimDiagnosis(diagnosis, lookups.conditions)),
    totals: summary.memberOwes.kind === "unknown" && !summary.canceled ? markOwesUnknown(computeClaimTotals(eob)) : computeClaimTotals(eob),
    shareParts: sharePartsOf(eob),
  };
}

/**
 * Replaces the member liability total with "owesUnknown" when the summary cannot tell what the
 * member owes, so the totals table never shows a figure that the page's headline calls unknown.
 */
function markOwesUnknown(totals: ClaimTotal[]): ClaimDetailTotal[] {
  return totals.map((total) => {
    if (total.category !== "memberLiability") {
      return total;
    }
    return { category: "memberLiability", kind: "owesUnknown", stated: statedAmountOf(total) };
  });
}

/** Returns the amount a total shows, or the claim's own figure when it disagrees with the lines. */
function statedAmountOf(total: ClaimTotal): Money | null {
  switch (total.kind) {
    case "stated":
    case "fromLines":
      return total.amount;
    case "disagrees":
      return total.stated;
    case "unknown":
      return null;
  }
}

function facilityNameOf(eob: ExplanationOfBenefit, names: ReferenceNames): string | null {
  const display = eob.facility?.display?.trim();
  if (display) {
    return display;
  }
  const target = toReferenceTarget(eob.facility);
  return target ? (names.get(referenceKey(target)) ?? null) : null;
}

function sameDay(left: ReturnType<typeof parseFhirDate>, right: NonNullable<ReturnType<typeof parseFhirDate>>): boolean {
  return left !== null && left.precision === right.precision && left.year === right.year && left.month === right.month && left.day === right.day;
}

/** CARIN codes a facility line with no procedure as productOrService "not-applicable" from this system. */
const dataAbsentReasonSystem = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

function toClaimLine(item: Item): ClaimLine {
  const coding = item.productOrService.coding?.find((candidate) => candidate.code);
  const absent = coding?.system === dataAbsentReasonSystem;
  // A data-absent coding is no service code, and a display that only names the reason ("Not Applicable") describes nothing.
  const display = coding?.display?.trim() || null;
  const describes = display !== null && !(absent && sameLetters(display, coding?.code ?? ""));
  const revenueDisplay = item.revenue?.coding?.find((candidate) => candidate.display?.trim())?.display?.trim();
  return {
    sequence: item.sequence,
    serviceDate: toCalendarDay(parseFhirDate(item.servicedDate) ?? parseFhirDate(item.servicedPeriod?.start)),
    code: absent ? null : (coding?.code ?? null),
    description: (describes ? display : null) || item.productOrService.text?.trim() || revenueDisplay || null,
    quantity: item.quantity?.value ?? null,
    amounts: lineAmountsOf(item),
  };
}

/** Compares two labels by their letters alone, so "Not Applicable" matches "not-applicable". */
function sameLetters(left: string, right: string): boolean {
  const letters = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, "");
  return letters(left) === letters(right);
}

function lineAmountsOf(item: Item): Record<AmountCategory, Money | null> {
  const read = (category: AmountCategory): Money | null => readCategoryAmount(item.adjudication ?? [], category) ?? null;
  return {
    submitted: read("submitted"),
    allowed: read("allowed"),
    deductible: read("deductible"),
    copay: read("copay"),
    coinsurance: read("coinsurance"),
    noncovered: read("noncovered"),
    planPaid: read("planPaid"),
    memberLiability: read("memberLiability"),
  };
}

function toClaimDiagnosis(diagnosis: Diagnosis, conditions: ReadonlyMap<string, CodedText>): ClaimDiagnosis {
  const principal = (diagnosis.type ?? []).some((type) => (type.coding ?? []).some((coding) => coding.code === "principal"));
  const concept = diagnosis.diagnosisCodeableConcept;
  if (concept) {
    return { sequence: diagnosis.sequence, ...codedTextOf(concept), principal };
  }

  const target = toReferenceTarget(diagnosis.diagnosisReference);
  const fromCondition = target ? conditions.get(referenceKey(target)) : undefined;
  return { sequence: diagnosis.sequence, code: fromCondition?.code ?? null, description: fromCondition?.description ?? null, principal };
}

/** Reads the first coding that has a code, and its display or the concept's text. */
export function codedTextOf(concept: CodeableConcept | undefined): CodedText {
  const coding = concept?.coding?.find((candidate) => candidate.code);
  return { code: coding?.code ?? null, description: coding?.display?.trim() || concept?.text?.trim() || null };
}

function sharePartsOf(eob: ExplanationOfBenefit): MemberShareParts {
  const amountOf = (category: AmountCategory): Money | null => {
    const total = computeClaimTotal(eob, category);
    return total?.kind === "stated" || total?.kind === "fromLines" ? total.amount : null;
  };
  return {
    deductible: amountOf("deductible"),
    copay: amountOf("copay"),
    coinsurance: amountOf("coinsurance"),
    noncovered: amountOf("noncovered"),
  };
}
