import type { MedicationRequest } from "fhir/r4";

import { parseFhirDate, type CalendarDate } from "../claims/parse-fhir-date";
import { toConceptText } from "./to-concept-text";

/** One prescription on the medications page. */
export interface MedicationView {
  id: string;
  /** The drug as text; null when the order names none. */
  name: string | null;
  status: MedicationRequest["status"];
  /** "current" for active and on-hold orders, else "past". */
  group: "current" | "past";
  /** When it was prescribed; null when not recorded. */
  authoredOn: CalendarDate | null;
  /** The first dosage instruction as written, e.g. "Take 1 tablet by mouth daily". */
  dosage: string | null;
  /** The prescriber's name when the reference carries one. */
  prescriber: string | null;
}

const currentStatuses: ReadonlySet<MedicationRequest["status"]> = new Set(["active", "on-hold"]);
const hiddenStatuses: ReadonlySet<MedicationRequest["status"]> = new Set(["entered-in-error", "draft"]);

/**
 * Maps a MedicationRequest to its view, or returns null for an order entered in error or still
 * a draft, which was never given to the member. Only orders (intent order, original-order,
 * reflex-order, instance-order or plan) reach the page; a proposal was only a suggestion.
 */
export function toMedicationView(request: MedicationRequest): MedicationView | null {
  if (hiddenStatuses.has(request.status) || request.intent === "proposal") {
    return null;
  }

  return {
    id: request.id ?? "",
    name: toConceptText(request.medicationCodeableConcept) ?? (request.medicationReference?.display?.trim() || null),
    status: request.status,
    group: currentStatuses.has(request.status) ? "current" : "past",
    authoredOn: parseFhirDate(request.authoredOn),
    dosage: request.dosageInstruction?.[0]?.text?.trim() || null,
    prescriber: request.requester?.display?.trim() || null,
  };
}
