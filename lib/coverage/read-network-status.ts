import type { CodeableConcept, ExplanationOfBenefit } from "fhir/r4";

import { hasCode, type Code } from "../claims/adjudication-codes";

/** The network level a claim was paid at: in network, out of network, or not stated. */
export type NetworkStatus = "in" | "out" | "unknown";

const discriminatorSystem = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudicationDiscriminator";
const payerStatusSystem = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus";

/** CARIN's benefit payment status: whether the plan paid the benefit at its in-network level. */
const benefitPaymentStatus: Code = { system: discriminatorSystem, code: "benefitpaymentstatus" };
const inNetwork: Code = { system: payerStatusSystem, code: "innetwork" };
const outOfNetwork: Code = { system: payerStatusSystem, code: "outofnetwork" };

interface AdjudicationLike {
  category?: CodeableConcept;
  reason?: CodeableConcept;
}

/**
 * Reads CARIN's benefitpaymentstatus, which decides the network level of the benefit, from the
 * header adjudication, else from the lines when they all agree. Billing and rendering network
 * status state only whether a provider has a contract, so they are not read.
 */
export function readNetworkStatus(eob: ExplanationOfBenefit): NetworkStatus {
  const header = statusOf(eob.adjudication ?? []);
  if (header !== "unknown") {
    return header;
  }

  const lines = new Set((eob.item ?? []).map((item) => statusOf(item.adjudication ?? [])));
  const [only] = lines;
  return lines.size === 1 && only ? only : "unknown";
}

function statusOf(entries: readonly AdjudicationLike[]): NetworkStatus {
  const entry = entries.find((candidate) => hasCode(candidate.category, benefitPaymentStatus));
  if (hasCode(entry?.reason, inNetwork)) return "in";
  if (hasCode(entry?.reason, outOfNetwork)) return "out";
  return "unknown";
}
