import type { Basic } from "fhir/r4";

import { FhirError } from "../fhir/fhir-error";
import type { StoredViewDefinition, ViewDefinition } from "./view-definition";

/**
 * ViewDefinition is not an R4 resource type, so the store keeps each one as a Basic resource with
 * this code, and the definition's JSON in the extension below. The FHIR API shows it as
 * `ViewDefinition/[id]` with the Basic's id.
 */
export const VIEW_DEFINITION_CODE = { system: "https://lakeview.example/fhir/CodeSystem/basic-resource-type", code: "ViewDefinition" } as const;
export const VIEW_DEFINITION_EXTENSION_URL = "https://lakeview.example/fhir/StructureDefinition/view-definition-json";

/** Wraps a checked ViewDefinition in the Basic resource the store keeps. */
export function toViewDefinitionBasic(view: ViewDefinition, id: string): Basic {
  const content: Record<string, unknown> = { ...view };
  delete content.id;
  delete content.meta;
  return {
    resourceType: "Basic",
    id,
    code: { coding: [{ ...VIEW_DEFINITION_CODE }], text: view.title ?? view.name ?? "ViewDefinition" },
    extension: [{ url: VIEW_DEFINITION_EXTENSION_URL, valueString: JSON.stringify(content) }],
  };
}

/** Tells whether a Basic resource is a stored ViewDefinition. */
export function isViewDefinitionBasic(basic: Basic): boolean {
  return basic.code.coding?.some((coding) => coding.system === VIEW_DEFINITION_CODE.system && coding.code === VIEW_DEFINITION_CODE.code) ?? false;
}

/** Unwraps a stored ViewDefinition, with the Basic's id and meta. */
export function fromViewDefinitionBasic(basic: Basic): StoredViewDefinition {
  const json = basic.extension?.find((extension) => extension.url === VIEW_DEFINITION_EXTENSION_URL)?.valueString;
  if (!isViewDefinitionBasic(basic) || json === undefined) {
    throw new FhirError("not-found", `ViewDefinition/${basic.id ?? ""} is not stored; check the id.`);
  }
  const content = JSON.parse(json) as ViewDefinition;
  return { ...content, resourceType: "ViewDefinition", id: basic.id ?? "", ...(basic.meta ? { meta: basic.meta } : {}) };
}
