import type { FhirResource } from "fhir/r4";

import type { ResourceWrite } from "@/lib/fhir/store/resource-write";

/** The resource types the analytics views read, from which the benchmarks pick resources to change. */
export const benchChangeTypes = ["Observation", "ExplanationOfBenefit", "Encounter", "Condition", "Immunization", "Coverage"];

/**
 * Turns the `index`-th picked resource into a benchmark change: every tenth is deleted, the others
 * get an extension, because the store skips a write whose content (meta aside) is unchanged.
 */
export function toBenchChange(resource: FhirResource, index: number): ResourceWrite {
  if (index % 10 === 9) return { kind: "delete", resourceType: resource.resourceType, id: resource.id ?? "" };
  const extension = [...("extension" in resource ? (resource.extension ?? []) : []), { url: "https://lakeview.example/fhir/StructureDefinition/bench-change", valueInteger: index }];
  return { kind: "put", resource: { ...resource, extension } as FhirResource };
}
