import type { ExplanationOfBenefit, ExplanationOfBenefitItem, Identifier, PaymentReconciliation } from "fhir/r4";

import type { ConvertedMessage } from "../message/converted-message";
import type { WarnFunction } from "../message/conversion-warning";
import type { MessageEntries } from "../message/message-entries";
import { procedureOf } from "./convert-837";
import { addMember, addPayer, addProvider, partyOfN1, type X12Party } from "./x12-parties";
import { x12Systems } from "./x12-systems";
import { toDate, toMoney } from "./x12-values";
import { x12Value, type X12Segment, type X12Transaction } from "./x12-transaction";

type Adjudication = NonNullable<ExplanationOfBenefit["adjudication"]>[number];

// CLP02 claim status codes of the 835 (005010X221A1); 22 reverses an earlier payment.
const claimStatusCodes = new Set(["1", "2", "3", "4", "19", "20", "21", "22", "23", "25"]);
// CAS group PR (patient responsibility) reasons with an adjudication category of their own.
const patientShare: Record<string, string> = { "1": "deductible", "2": "coinsurance", "3": "copay" };

/** The header of an 835: payment (BPR, TRN), payer (N1*PR) and payee (N1*PE). */
interface Remittance {
  payer: string;
  payee?: string;
  created: string;
  payments: { claim: Identifier; amount: number }[];
}

/** One claim payment (CLP) being read, and the service line (SVC) that CAS and DTP belong to. */
interface OpenPayment {
  clp: X12Segment;
  eob: ExplanationOfBenefit;
  item?: ExplanationOfBenefitItem;
  patient?: X12Party;
  subscriber?: X12Party;
}

/**
 * Converts an 835 transaction set to one ExplanationOfBenefit per CLP and one
 * PaymentReconciliation for the payment (BPR, TRN) that lists each claim. An EOB carries the
 * claim's adjudication (CLP03 submitted, CLP04 paid, CLP05 patient responsibility), each service
 * line (SVC) with its own, and every CAS adjustment by group and reason code. planMessages links
 * it to the Claim with the same claim control number (CLP01 = CLM01) when one is stored. Returns
 * the reason when a claim payment names no patient.
 */
export function convert835(entries: MessageEntries, converted: ConvertedMessage, transaction: X12Transaction): string | undefined {
  const separator = transaction.envelope.componentSeparator;
  const remittance = readRemittance(entries, transaction);
  let open: OpenPayment | undefined;

  let problem: string | undefined;
  const finish = (): void => {
    if (open && !open.patient && !open.subscriber) problem ??= `CLP at line ${open.clp.line}: the claim payment names no patient (loop 2100, NM1*QC or NM1*IL).`;
    else if (open) addExplanation(entries, converted, open, remittance);
    open = undefined;
  };
  for (const segment of transaction.segments) {
    if (segment.tag === "CLP") {
      finish();
      problem ??= checkClaimPayment(segment);
      open = { clp: segment, eob: startExplanation(segment, remittance, entries.warn) };
    } else if (open && segment.tag === "NM1") {
      const party: X12Party = { nm1: segment, refs: [] };
      if (x12Value(segment, 1) === "QC") open.patient = party;
      if (x12Value(segment, 1) === "IL") open.subscriber = party;
    } else if (open) {
      readPaymentSegment(open, segment, separator, entries.warn);
    }
  }
  finish();
  if (problem) return problem;
  if (remittance.payments.length > 0) addReconciliation(entries, transaction, remittance);
  return undefined;
}

function readRemittance(entries: MessageEntries, transaction: X12Transaction): Remittance {
  const find = (tag: string, qualifier?: string): X12Segment | undefined => transaction.segments.find((segment) => segment.tag === tag && (qualifier === undefined || x12Value(segment, 1) === qualifier));
  const payerN1 = find("N1", "PR");
  const payerRef = transaction.segments.find((segment) => segment.tag === "REF" && x12Value(segment, 1) === "2U");
  const payerId = x12Value(payerN1, 4) || x12Value(payerRef, 2);
  const payer = addPayer(entries, x12Value(payerN1, 2), payerId);
  const payeeN1 = find("N1", "PE");
  const payee = payeeN1 ? addProvider(entries, partyOfN1(payeeN1)) : undefined;
  const production = toDate(x12Value(find("DTM", "405"), 2));
  const paid = toDate(x12Value(find("BPR"), 16));
  return { payer, payee, created: production ?? paid ?? transaction.envelope.recorded.slice(0, 10), payments: [] };
}

/**
 * Returns the reason a CLP cannot be converted, or undefined. CLP02 decides whether the EOB is
 * active or a reversal (cancelled), and CLP03 and CLP04 are the required charge and payment. A
 * guess would show a member a wrong status or amount.
 */
function checkClaimPayment(clp: X12Segment): string | undefined {
  const at = `CLP at line ${clp.line} (claim ${x12Value(clp, 1)})`;
  if (!claimStatusCodes.has(x12Value(clp, 2))) {
    return `${at}: CLP02 "${x12Value(clp, 2)}" is not a claim status code; use one of ${[...claimStatusCodes].join(", ")} and send the remittance again.`;
  }
  for (const index of [3, 4]) {
    if (!toMoney(x12Value(clp, index))) return `${at}: CLP0${index} "${x12Value(clp, index)}" is not an amount such as 125.50; correct it and send the remittance again.`;
  }
  return undefined;
}

function startExplanation(clp: X12Segment, remittance: Remittance, warn: WarnFunction): ExplanationOfBenefit {
  const eob: ExplanationOfBenefit = {
    resourceType: "ExplanationOfBenefit",
    identifier: [{ system: x12Systems.claimControlNumber, value: x12Value(clp, 1) }],
    status: x12Value(clp, 2) === "22" ? "cancelled" : "active",
    type: { coding: [{ system: x12Systems.claimType, code: "professional" }] },
    use: "claim",
    patient: { reference: "" },
    created: remittance.created,
    insurer: { reference: remittance.payer },
    provider: { reference: remittance.payee ?? remittance.payer },
    outcome: "complete",
    insurance: [],
    adjudication: amountsOf([["submitted", x12Value(clp, 3)], ["benefit", x12Value(clp, 4)], ["paidbypatient", x12Value(clp, 5)]]),
  };
  if (x12Value(clp, 7) !== "") eob.identifier?.push({ system: x12Systems.payerClaimControlNumber, value: x12Value(clp, 7) });
  const total = amountsOf([["submitted", x12Value(clp, 3)], ["benefit", x12Value(clp, 4)]]);
  eob.total = total.flatMap((entry) => (entry.amount ? [{ category: entry.category, amount: entry.amount }] : []));
  const paid = toMoney(x12Value(clp, 4));
  if (paid) eob.payment = { amount: paid };
  const patientShare = x12Value(clp, 5);
  if (patientShare !== "" && !toMoney(patientShare)) {
    warn({ field: "CLP05", value: patientShare, expected: "an amount such as 20.00", outcome: "the patient responsibility adjudication left out" });
  }
  return eob;
}

function amountsOf(pairs: [string, string][]): Adjudication[] {
  return pairs.flatMap(([category, value]) => {
    const amount = toMoney(value);
    return amount ? [{ category: { coding: [{ system: x12Systems.adjudication, code: category }] }, amount }] : [];
  });
}

/** Reads SVC, CAS and the NM1 follow-ups of a claim payment; other segments of loop 2100 and 2110 are not converted. */
function readPaymentSegment(open: OpenPayment, segment: X12Segment, separator: string, warn: WarnFunction): void {
  switch (segment.tag) {
    case "SVC": {
      const item: ExplanationOfBenefitItem = { sequence: (open.eob.item?.length ?? 0) + 1, productOrService: procedureOf(x12Value(segment, 1), separator) };
      // A revenue code (qualifier NU) as the service marks an institutional claim.
      if (x12Value(segment, 1).startsWith(`NU${separator}`)) open.eob.type = { coding: [{ system: x12Systems.claimType, code: "institutional" }] };
      item.adjudication = amountsOf([["submitted", x12Value(segment, 2)], ["benefit", x12Value(segment, 3)]]);
      open.eob.item = [...(open.eob.item ?? []), item];
      open.item = item;
      break;
    }
    case "CAS": {
      const target = open.item ?? open.eob;
      target.adjudication = [...(target.adjudication ?? []), ...adjustmentsOf(segment)];
      break;
    }
    case "DTM":
      if (open.item && (x12Value(segment, 1) === "472" || x12Value(segment, 1) === "150")) {
        const date = toDate(x12Value(segment, 2));
        if (date) open.item.servicedDate = date;
        else warn({ field: "DTM02", value: x12Value(segment, 2), expected: "a date as CCYYMMDD", outcome: "ExplanationOfBenefit.item.servicedDate left out" });
      }
      break;
  }
}

/** CAS: a group code, then up to six reason, amount and quantity triples. */
function adjustmentsOf(cas: X12Segment): Adjudication[] {
  const group = x12Value(cas, 1);
  const adjustments: Adjudication[] = [];
  for (let index = 2; index < cas.elements.length; index += 3) {
    const reason = x12Value(cas, index);
    const amount = toMoney(x12Value(cas, index + 1));
    if (reason === "" || !amount) continue;
    const share = group === "PR" ? patientShare[reason] : undefined;
    adjustments.push({
      category: { coding: share ? [{ system: x12Systems.adjudication, code: share }] : [{ system: x12Systems.adjustmentGroup, code: group }] },
      reason: { coding: [{ system: x12Systems.adjustmentReason, code: reason }] },
      amount,
    });
  }
  return adjustments;
}

function addExplanation(entries: MessageEntries, converted: ConvertedMessage, open: OpenPayment, remittance: Remittance): void {
  const party = open.patient ?? open.subscriber;
  const claimNumber: Identifier = { system: x12Systems.claimControlNumber, value: x12Value(open.clp, 1) };
  if (party) {
    const subscriberId = x12Value(open.subscriber?.nm1, 9) || x12Value(party.nm1, 9);
    const member = addMember(entries, party, subscriberId);
    open.eob.patient = { reference: member.reference };
    open.eob.insurance = [{ focal: true, coverage: { reference: addPayerCoverage(entries, remittance, member.reference, member.memberId) } }];
  }

  converted.claimReferences.push({ entryIndex: entries.entries.length, identifier: claimNumber });
  entries.updateByIdentifier(open.eob, claimNumber);
  const amount = Number(x12Value(open.clp, 4));
  if (Number.isFinite(amount)) remittance.payments.push({ claim: claimNumber, amount });
}

function addPayerCoverage(entries: MessageEntries, remittance: Remittance, beneficiary: string, memberId: string): string {
  const key: Identifier = { system: x12Systems.coverage, value: `remittance:${remittance.payer}:${memberId}` };
  return entries.createIfNoneExist({ resourceType: "Coverage", identifier: [key], status: "active", beneficiary: { reference: beneficiary }, subscriberId: memberId, payor: [{ reference: remittance.payer }] }, key);
}

function addReconciliation(entries: MessageEntries, transaction: X12Transaction, remittance: Remittance): void {
  const bpr = transaction.segments.find((segment) => segment.tag === "BPR");
  const trn = transaction.segments.find((segment) => segment.tag === "TRN");
  const trace: Identifier = { system: x12Systems.paymentTrace, value: x12Value(trn, 2) || `${transaction.envelope.controlNumber}:${transaction.controlNumber}` };
  const reconciliation: PaymentReconciliation = {
    resourceType: "PaymentReconciliation",
    identifier: [trace],
    status: "active",
    created: `${remittance.created}T00:00:00Z`,
    paymentDate: toDate(x12Value(bpr, 16)) ?? remittance.created,
    paymentAmount: toMoney(x12Value(bpr, 2)) ?? { value: 0, currency: "USD" },
    paymentIssuer: { reference: remittance.payer },
    outcome: "complete",
    detail: remittance.payments.map((payment) => ({
      identifier: payment.claim,
      type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/payment-type", code: "payment" }] },
      amount: { value: payment.amount, currency: "USD" },
    })),
  };
  if (remittance.payee) reconciliation.requestor = { reference: remittance.payee };
  entries.updateByIdentifier(reconciliation, trace);
}
