import type { AllergyIntolerance } from "fhir/r4";

import { parseFhirDate, type CalendarDate } from "../claims/parse-fhir-date";
import { findCode, toConceptText } from "./to-concept-text";

/** One allergy or intolerance on the allergies page. */
export interface AllergyView {
  id: string;
  /** The substance or the allergy as text; null when not coded. */
  substance: string | null;
  /** AllergyIntolerance.clinicalStatus code; null when not recorded. */
  status: "active" | "inactive" | "resolved" | null;
  /** food, medication, environment or biologic; empty when not recorded. */
  categories: NonNullable<AllergyIntolerance["category"]>;
  criticality: AllergyIntolerance["criticality"] | null;
  /** Each recorded manifestation as text, with the severity of its reaction. */
  reactions: { manifestation: string; severity: "mild" | "moderate" | "severe" | null }[];
  recorded: CalendarDate | null;
}

const clinicalStatuses = new Set(["active", "inactive", "resolved"] as const);

/** Maps an AllergyIntolerance to its view, or returns null for one entered in error or refuted. */
export function toAllergyView(allergy: AllergyIntolerance): AllergyView | null {
  const verification = findCode(allergy.verificationStatus);
  if (verification === "entered-in-error" || verification === "refuted") {
    return null;
  }

  const status = findCode(allergy.clinicalStatus);
  return {
    id: allergy.id ?? "",
    substance: toConceptText(allergy.code),
    status: clinicalStatuses.has(status as "active") ? (status as AllergyView["status"]) : null,
    categories: allergy.category ?? [],
    criticality: allergy.criticality ?? null,
    reactions: (allergy.reaction ?? []).flatMap((reaction) =>
      reaction.manifestation
        .map(toConceptText)
        .filter((text): text is string => text !== null)
        .map((manifestation) => ({ manifestation, severity: reaction.severity ?? null })),
    ),
    recorded: parseFhirDate(allergy.recordedDate ?? allergy.onsetDateTime),
  };
}
