import type { Measure } from "fhir/r4";

const improvementNotationExtension = "http://hl7.org/fhir/us/cqfmeasures/StructureDefinition/cqfm-improvementNotation";

/**
 * Reads whether a higher score is better from `Measure.improvementNotation`, else from the first
 * group's `cqfm-improvementNotation` extension. Returns undefined when neither gives `increase` or
 * `decrease`.
 */
export function readImprovementNotation(measure: Measure): "increase" | "decrease" | undefined {
  const fromMeasure = measure.improvementNotation?.coding?.[0]?.code;
  const fromGroup = measure.group?.[0]?.extension?.find((extension) => extension.url === improvementNotationExtension)?.valueCodeableConcept?.coding?.[0]?.code;
  const code = fromMeasure ?? fromGroup;
  return code === "increase" || code === "decrease" ? code : undefined;
}
