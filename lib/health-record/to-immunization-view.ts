import type { Immunization } from "fhir/r4";

import { parseFhirDate, type CalendarDate } from "../claims/parse-fhir-date";
import { toConceptText } from "./to-concept-text";

/** One vaccination on the immunizations page. */
export interface ImmunizationView {
  id: string;
  /** The vaccine as text; null when not coded. */
  vaccine: string | null;
  /** When it was given; null when only occurrenceString or nothing is recorded. */
  date: CalendarDate | null;
  /** occurrenceString, for a date recorded only as text ("Fall 2019"). */
  dateText: string | null;
  /** False for a vaccination recorded as not done. */
  given: boolean;
}

/** Maps an Immunization to its view, or returns null for one entered in error. */
export function toImmunizationView(immunization: Immunization): ImmunizationView | null {
  if (immunization.status === "entered-in-error") {
    return null;
  }

  return {
    id: immunization.id ?? "",
    vaccine: toConceptText(immunization.vaccineCode),
    date: parseFhirDate(immunization.occurrenceDateTime),
    dateText: immunization.occurrenceString?.trim() || null,
    given: immunization.status === "completed",
  };
}
