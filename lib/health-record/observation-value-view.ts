import type { Observation, ObservationComponent } from "fhir/r4";

import { toConceptText } from "./to-concept-text";
import { toQuantityView, type QuantityView } from "./quantity-view";

/** The result of an Observation, in the shape the page shows it. */
export type ObservationValueView =
  | { kind: "quantity"; quantity: QuantityView }
  | { kind: "text"; text: string }
  /** A panel such as blood pressure, whose parts carry the values. */
  | { kind: "components"; parts: { name: string | null; quantity: QuantityView }[] }
  | { kind: "absent" };

/** Maps the value[x] of an Observation, or its quantity components when it has no value of its own. */
export function toObservationValueView(observation: Observation | ObservationComponent): ObservationValueView {
  const quantity = toQuantityView(observation.valueQuantity);
  if (quantity) {
    return { kind: "quantity", quantity };
  }
  const text = textOf(observation);
  if (text !== null) {
    return { kind: "text", text };
  }

  const parts = ("component" in observation ? (observation.component ?? []) : []).flatMap((component) => {
    const partQuantity = toQuantityView(component.valueQuantity);
    return partQuantity ? [{ name: toConceptText(component.code), quantity: partQuantity }] : [];
  });
  return parts.length > 0 ? { kind: "components", parts } : { kind: "absent" };
}

function textOf(observation: Observation | ObservationComponent): string | null {
  if (observation.valueCodeableConcept) return toConceptText(observation.valueCodeableConcept);
  if (observation.valueString?.trim()) return observation.valueString.trim();
  if (typeof observation.valueInteger === "number") return String(observation.valueInteger);
  if (typeof observation.valueBoolean === "boolean") return observation.valueBoolean ? "true" : "false";
  return null;
}
