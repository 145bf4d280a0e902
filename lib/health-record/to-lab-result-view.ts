import type { Observation, ObservationReferenceRange } from "fhir/r4";

import { parseFhirDate, type CalendarDate } from "../claims/parse-fhir-date";
import { toObservationValueView, type ObservationValueView } from "./observation-value-view";
import { toQuantityView, type QuantityView } from "./quantity-view";
import { findCode, toConceptText } from "./to-concept-text";

/** A reference range as recorded on the result. */
export interface ReferenceRangeView {
  low: QuantityView | null;
  high: QuantityView | null;
  /** The lab's own wording, e.g. "5.6% or below". */
  text: string | null;
}

/** The lab's flag on a result: v3 ObservationInterpretation folded to what a member needs. */
export type ResultFlag = "high" | "low" | "abnormal" | "normal";

/** One row of the lab results table. */
export interface LabResultView {
  id: string;
  /** The test as text; null when not coded. */
  name: string | null;
  /** effectiveDateTime, else the start of effectivePeriod, else issued. */
  date: CalendarDate | null;
  value: ObservationValueView;
  range: ReferenceRangeView | null;
  flag: ResultFlag | null;
  /** True until the lab marks the result final (registered, preliminary). */
  preliminary: boolean;
}

const interpretationFlags: Record<string, ResultFlag> = {
  H: "high",
  HH: "high",
  HU: "high",
  L: "low",
  LL: "low",
  LU: "low",
  A: "abnormal",
  AA: "abnormal",
  N: "normal",
};

/** Maps a result Observation to its table row, or returns null for one cancelled or entered in error. */
export function toLabResultView(observation: Observation): LabResultView | null {
  if (observation.status === "cancelled" || observation.status === "entered-in-error") {
    return null;
  }

  const interpretation = findCode(observation.interpretation?.[0]);
  return {
    id: observation.id ?? "",
    name: toConceptText(observation.code),
    date: observationDate(observation),
    value: toObservationValueView(observation),
    range: toReferenceRangeView(observation.referenceRange?.[0]),
    flag: interpretation ? (interpretationFlags[interpretation] ?? null) : null,
    preliminary: observation.status === "registered" || observation.status === "preliminary",
  };
}

/** Returns the clinically relevant date of an Observation, falling back to when it was issued. */
export function observationDate(observation: Observation): CalendarDate | null {
  return parseFhirDate(observation.effectiveDateTime ?? observation.effectivePeriod?.start ?? observation.effectiveInstant ?? observation.issued);
}

function toReferenceRangeView(range: ObservationReferenceRange | undefined): ReferenceRangeView | null {
  if (!range) {
    return null;
  }
  const view = { low: toQuantityView(range.low), high: toQuantityView(range.high), text: range.text?.trim() || null };
  return view.low || view.high || view.text ? view : null;
}

/** Tells whether an Observation is a laboratory result by its category. */
export function isLaboratory(observation: Observation): boolean {
  return (observation.category ?? []).some((category) => category.coding?.some((coding) => coding.code === "laboratory"));
}
