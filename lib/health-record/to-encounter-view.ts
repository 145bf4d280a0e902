import type { Encounter } from "fhir/r4";

import { parseFhirDate, type CalendarDate } from "../claims/parse-fhir-date";
import { toReferenceTarget, referenceKey } from "../claims/reference-target";
import type { ReferenceNames } from "../claims/claim-summary";
import { toConceptText } from "./to-concept-text";

/** One visit on the encounters timeline. */
export interface EncounterView {
  id: string;
  /** When the visit began, at the precision recorded; null when the period has no start. */
  start: CalendarDate | null;
  /** The visit's type as text, e.g. "Emergency Room Admission"; null when not coded. */
  type: string | null;
  /** The v3 ActCode of Encounter.class (AMB, EMER, IMP, VR, HH ...), which the page words itself. */
  classCode: string | null;
  /** Encounter.class.display, shown when the page has no wording for the class code. */
  classDisplay: string | null;
  /** The reason for the visit, e.g. "Seizure disorder"; null when none is recorded. */
  reason: string | null;
  /** The organization or place of the visit; null when neither is named. */
  place: string | null;
  /** True for a planned visit that has not happened yet. */
  planned: boolean;
}

/** Maps an Encounter to its timeline entry. `names` holds the names of referenced organizations, keyed "Type/id". */
export function toEncounterView(encounter: Encounter, names: ReferenceNames): EncounterView {
  return {
    id: encounter.id ?? "",
    start: parseFhirDate(encounter.period?.start),
    type: encounter.type?.map(toConceptText).find((text) => text !== null) ?? null,
    classCode: encounter.class?.code ?? null,
    classDisplay: encounter.class?.display?.trim() || null,
    reason: encounter.reasonCode?.map(toConceptText).find((text) => text !== null) ?? null,
    place: placeOf(encounter, names),
    planned: encounter.status === "planned" || encounter.status === "arrived" || encounter.status === "triaged",
  };
}

function placeOf(encounter: Encounter, names: ReferenceNames): string | null {
  const provider = encounter.serviceProvider;
  const target = toReferenceTarget(provider);
  const providerName = provider?.display?.trim() || (target ? names.get(referenceKey(target)) : undefined);
  return providerName || encounter.location?.[0]?.location.display?.trim() || null;
}
