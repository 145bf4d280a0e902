import type { Claim, ClaimDiagnosis, ClaimItem, Coverage, Identifier } from "fhir/r4";

import type { WarnFunction } from "../message/conversion-warning";
import type { MessageEntries } from "../message/message-entries";
import { addMember, addPayer, addProvider, type X12Party } from "./x12-parties";
import { x12Systems } from "./x12-systems";
import { toMoney, toPeriod } from "./x12-values";
import { x12Component, x12Value, type X12Segment, type X12Transaction } from "./x12-transaction";

// HI qualifiers of diagnosis codes (5010 837P and 837I): ICD-10-CM with an A prefix, ICD-9-CM
// without. Other diagnoses (ABF, BF) have no ex-diagnosistype code, so they get no type.
const diagnosisQualifiers: Record<string, { system: string; type?: string }> = {
  ABK: { system: x12Systems.icd10, type: "principal" },
  ABF: { system: x12Systems.icd10 },
  ABJ: { system: x12Systems.icd10, type: "admitting" },
  APR: { system: x12Systems.icd10, type: "admitting" },
  BK: { system: x12Systems.icd9, type: "principal" },
  BF: { system: x12Systems.icd9 },
  BJ: { system: x12Systems.icd9, type: "admitting" },
  PR: { system: x12Systems.icd9, type: "admitting" },
};
// SBR02 and PAT01 individual relationship codes to subscriber-relationship.
const relationships: Record<string, string> = { "18": "self", "01": "spouse", "19": "child", "53": "common", "G8": "other" };

/** The parties that the loops of one 837 declared so far: the 2000A billing provider, 2000B subscriber and payer, 2000C patient. */
interface ClaimContext {
  billingProvider?: string;
  payer?: { reference: string; id: string };
  subscriber?: { reference: string; memberId: string };
  /** The patient of loop 2000C, when the patient is not the subscriber. */
  patient?: string;
  /** PAT01, the patient's relationship to the subscriber. */
  patientRelationship?: string;
  sbr?: X12Segment;
}

/** A claim being read: the Claim and the line the next DTP*472 belongs to. */
interface OpenClaim {
  claim: Claim;
  item?: ClaimItem;
}

/**
 * Converts an 837P or 837I transaction set to one Claim per CLM. Each Claim comes with its
 * billing provider (Organization or Practitioner by NPI), subscriber and patient (Patient by
 * member id), payer (Organization by payer id) and Coverage, each matched to a stored resource
 * by identifier. Diagnoses come from HI, lines from LX with SV1 (professional) or SV2
 * (institutional), and dates from DTP 472 and 434. Other-payer loops (2320, 2330) and provider
 * loops inside the claim are not converted. Returns the reason when a claim has no billing
 * provider, subscriber or payer before it.
 */
export function convert837(entries: MessageEntries, transaction: X12Transaction): string | undefined {
  const separator = transaction.envelope.componentSeparator;
  const type = transaction.version.includes("X223") ? "institutional" : "professional";
  const context: ClaimContext = {};
  const claims: OpenClaim[] = [];
  let party: X12Party | undefined;
  let open: OpenClaim | undefined;
  const created = createdOf(transaction);

  const closeParty = (): void => {
    if (party && !open) applyParty(entries, party, context);
    party = undefined;
  };
  for (const segment of transaction.segments) {
    switch (segment.tag) {
      case "HL":
        closeParty();
        open = undefined;
        if (x12Value(segment, 3) === "22") {
          context.patient = undefined;
          context.patientRelationship = undefined;
        }
        break;
      case "NM1":
        closeParty();
        party = { nm1: segment, refs: [] };
        break;
      case "N3":
      case "N4":
      case "DMG":
        if (party) party[segment.tag.toLowerCase() as "n3" | "n4" | "dmg"] = segment;
        break;
      case "REF":
        party?.refs.push(segment);
        break;
      case "SBR":
        closeParty();
        if (!open) context.sbr = segment;
        break;
      case "PAT":
        if (!open) context.patientRelationship = x12Value(segment, 1);
        break;
      case "CLM": {
        closeParty();
        const problem = missingParty(context);
        if (problem) return `CLM at line ${segment.line}: ${problem}`;
        open = { claim: startClaim(entries, segment, context, type, created, separator) };
        claims.push(open);
        break;
      }
      default:
        if (open) readClaimSegment(open, segment, separator, entries.warn);
    }
  }
  for (const claim of claims) {
    entries.updateByIdentifier(claim.claim, claim.claim.identifier?.[0] ?? {});
  }
  return undefined;
}

function createdOf(transaction: X12Transaction): string {
  const bht = transaction.segments.find((segment) => segment.tag === "BHT");
  const date = x12Value(bht, 4);
  return /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` : transaction.envelope.recorded.slice(0, 10);
}

/** Turns a finished NM1 loop into the resource its entity code names. */
function applyParty(entries: MessageEntries, party: X12Party, context: ClaimContext): void {
  switch (x12Value(party.nm1, 1)) {
    case "85":
      context.billingProvider = addProvider(entries, party);
      break;
    case "IL":
      context.subscriber = addMember(entries, party, "");
      break;
    case "PR":
      context.payer = { reference: addPayer(entries, x12Value(party.nm1, 3), x12Value(party.nm1, 9)), id: x12Value(party.nm1, 9) };
      break;
    case "QC":
      context.patient = addMember(entries, party, context.subscriber?.memberId ?? "").reference;
      break;
  }
}

function missingParty(context: ClaimContext): string | undefined {
  if (!context.billingProvider) return "no billing provider (loop 2010AA, NM1*85 with an id in NM109) precedes the claim.";
  if (!context.subscriber) return "no subscriber (loop 2010BA, NM1*IL) precedes the claim.";
  if (!context.payer) return "no payer (loop 2010BB, NM1*PR) precedes the claim.";
  return undefined;
}

function startClaim(entries: MessageEntries, clm: X12Segment, context: ClaimContext, type: string, created: string, separator: string): Claim {
  const patient = context.patient ?? context.subscriber?.reference ?? "";
  const coverage = addCoverage(entries, context, patient);
  const identifier: Identifier = { system: x12Systems.claimControlNumber, value: x12Value(clm, 1) };
  const claim: Claim = {
    resourceType: "Claim",
    identifier: [identifier],
    status: x12Component(clm, 5, 3, separator) === "8" ? "cancelled" : "active",
    type: { coding: [{ system: x12Systems.claimType, code: type }] },
    use: "claim",
    patient: { reference: patient },
    created,
    provider: { reference: context.billingProvider ?? "" },
    priority: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/processpriority", code: "normal" }] },
    insurance: [{ sequence: 1, focal: true, coverage: { reference: coverage } }],
  };
  const total = toMoney(x12Value(clm, 2));
  if (total) claim.total = total;
  const facility = x12Component(clm, 5, 1, separator);
  if (facility !== "" && type === "professional") {
    claim.supportingInfo = [{ sequence: 1, category: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claiminformationcategory", code: "info" }], text: "place of service" }, code: { coding: [{ system: x12Systems.placeOfService, code: facility }] } }];
  }
  return claim;
}

function addCoverage(entries: MessageEntries, context: ClaimContext, beneficiary: string): string {
  const subscriber = context.subscriber;
  const payer = context.payer;
  const relationshipCode = context.patient ? (context.patientRelationship ?? "") : x12Value(context.sbr, 2) || "18";
  const key: Identifier = { system: x12Systems.coverage, value: `${payer?.id ?? ""}:${subscriber?.memberId ?? ""}:${beneficiary === subscriber?.reference ? "self" : beneficiary}` };
  const coverage: Coverage = {
    resourceType: "Coverage",
    identifier: [key],
    status: "active",
    beneficiary: { reference: beneficiary },
    subscriber: { reference: subscriber?.reference ?? beneficiary },
    subscriberId: subscriber?.memberId,
    relationship: { coding: [{ system: x12Systems.relationship, code: relationships[relationshipCode] ?? "other" }] },
    payor: [{ reference: payer?.reference ?? "" }],
  };
  const group = x12Value(context.sbr, 3);
  if (group !== "") coverage.class = [{ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/coverage-class", code: "group" }] }, value: group }];
  return entries.createIfNoneExist(coverage, key);
}

/** Reads HI, LX, SV1, SV2 and DTP inside a claim; other segments of loop 2300 and 2400 are not converted. */
function readClaimSegment(open: OpenClaim, segment: X12Segment, separator: string, warn: WarnFunction): void {
  const claim = open.claim;
  switch (segment.tag) {
    case "HI":
      addDiagnoses(claim, segment, separator);
      break;
    case "LX":
      open.item = { sequence: Number(x12Value(segment, 1)) || (claim.item?.length ?? 0) + 1, productOrService: { text: "unknown" } };
      claim.item = [...(claim.item ?? []), open.item];
      break;
    case "SV1":
      if (open.item) readProfessionalLine(open.item, segment, separator);
      break;
    case "SV2":
      if (open.item) readInstitutionalLine(open.item, segment, separator);
      break;
    case "DTP":
      readDate(open, segment, warn);
      break;
  }
}

function addDiagnoses(claim: Claim, hi: X12Segment, separator: string): void {
  for (const element of hi.elements.slice(1)) {
    const [qualifier = "", code = ""] = element.split(separator);
    const kind = diagnosisQualifiers[qualifier];
    if (!kind || code === "") continue;
    const diagnosis: ClaimDiagnosis = {
      sequence: (claim.diagnosis?.length ?? 0) + 1,
      diagnosisCodeableConcept: { coding: [{ system: kind.system, code: formatIcd(code) }] },
    };
    if (kind.type) diagnosis.type = [{ coding: [{ system: x12Systems.diagnosisType, code: kind.type }] }];
    claim.diagnosis = [...(claim.diagnosis ?? []), diagnosis];
  }
}

/** X12 sends ICD codes without their dot; ICD-10-CM and ICD-9-CM put it after the third character (after the fourth for ICD-9 E codes). */
function formatIcd(code: string): string {
  const at = code.startsWith("E") && /^E\d/.test(code) && code.length > 4 ? 4 : 3;
  return code.length > at ? `${code.slice(0, at)}.${code.slice(at)}` : code;
}

function readProfessionalLine(item: ClaimItem, sv1: X12Segment, separator: string): void {
  item.productOrService = procedureOf(x12Value(sv1, 1), separator);
  const modifiers = x12Value(sv1, 1).split(separator).slice(2, 6).filter((modifier) => modifier !== "");
  if (modifiers.length > 0) item.modifier = modifiers.map((code) => ({ coding: [{ system: x12Systems.cpt, code }] }));
  const net = toMoney(x12Value(sv1, 2));
  if (net) item.net = net;
  const quantity = Number(x12Value(sv1, 4));
  if (x12Value(sv1, 4) !== "" && Number.isFinite(quantity)) item.quantity = { value: quantity };
  const pointers = x12Value(sv1, 7).split(separator).map(Number).filter((pointer) => Number.isInteger(pointer) && pointer > 0);
  if (pointers.length > 0) item.diagnosisSequence = pointers;
}

function readInstitutionalLine(item: ClaimItem, sv2: X12Segment, separator: string): void {
  const revenue = x12Value(sv2, 1);
  if (revenue !== "") item.revenue = { coding: [{ system: x12Systems.revenue, code: revenue }] };
  item.productOrService = x12Value(sv2, 2) !== "" ? procedureOf(x12Value(sv2, 2), separator) : { coding: [{ system: x12Systems.revenue, code: revenue }] };
  const net = toMoney(x12Value(sv2, 3));
  if (net) item.net = net;
  const quantity = Number(x12Value(sv2, 5));
  if (x12Value(sv2, 5) !== "" && Number.isFinite(quantity)) item.quantity = { value: quantity };
}

/** Converts a procedure composite such as HC:99213 to a CPT or HCPCS coding, and one with another qualifier to text. */
export function procedureOf(composite: string, separator: string): ClaimItem["productOrService"] {
  const [qualifier = "", code = ""] = composite.split(separator);
  if (qualifier === "HC" && code !== "") return { coding: [{ system: /^\d/.test(code) ? x12Systems.cpt : x12Systems.hcpcs, code }] };
  return { text: composite };
}

function readDate(open: OpenClaim, dtp: X12Segment, warn: WarnFunction): void {
  const period = toPeriod(x12Value(dtp, 2), x12Value(dtp, 3));
  if (!period) {
    if (x12Value(dtp, 1) === "472" || x12Value(dtp, 1) === "434") {
      warn({ field: "DTP03", value: x12Value(dtp, 3), expected: `a date as CCYYMMDD (DTP02 D8) or a range as CCYYMMDD-CCYYMMDD (RD8), by DTP02 "${x12Value(dtp, 2)}"`, outcome: `the DTP*${x12Value(dtp, 1)} service date left out` });
    }
    return;
  }
  if (x12Value(dtp, 1) === "472" && open.item) {
    if (period.start === period.end) open.item.servicedDate = period.start;
    else open.item.servicedPeriod = period;
  } else if (x12Value(dtp, 1) === "434" || x12Value(dtp, 1) === "472") {
    open.claim.billablePeriod = period;
  }
}
