import type { FhirResource } from "fhir/r4";

import type { SummaryMode } from "../search/search-request";
import { getSummaryElements } from "./summary-elements";

/** The tag R4 requires on a resource a server returns with elements left out. */
export const SUBSETTED_TAG = { system: "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", code: "SUBSETTED" };

/**
 * Returns the resource cut down to what `_summary` or `_elements` requests and tagged SUBSETTED,
 * or the resource itself when neither applies. `_elements` names top-level elements. The id, meta
 * and the mandatory elements are always kept.
 */
export function applySummary(resource: FhirResource, summary: SummaryMode, elements: readonly string[] | undefined): FhirResource {
  const keep = elementsToKeep(resource.resourceType, summary, elements);
  if (!keep) return resource;

  const { summary: summaryElements, choiceStems } = getSummaryElements(resource.resourceType);
  const subset: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(resource)) {
    const stem = choiceStems.find((candidate) => name.startsWith(candidate) && /^[A-Z]/.test(name.slice(candidate.length))) ?? name;
    if (name === "resourceType" || keep(stem, summaryElements) || keep(name, summaryElements)) subset[name] = value;
  }
  const meta = { ...resource.meta, tag: [...(resource.meta?.tag ?? []), SUBSETTED_TAG] };
  return { ...subset, meta } as FhirResource;
}

/** Tells whether `_summary` and `_elements` change the resources a response returns. */
export function cutsResources(summary: SummaryMode, elements: readonly string[] | undefined): boolean {
  return summary === "true" || summary === "text" || summary === "data" || (elements !== undefined && elements.length > 0);
}

type KeepTest = (element: string, summaryElements: ReadonlySet<string>) => boolean;

function elementsToKeep(resourceType: string, summary: SummaryMode, elements: readonly string[] | undefined): KeepTest | undefined {
  // cutsResources alone decides whether a cut applies, so a caller that skips applySummary when it says no loses nothing.
  if (!cutsResources(summary, elements)) return undefined;
  const { mandatory } = getSummaryElements(resourceType);
  const always = (element: string): boolean => element === "id" || element === "meta" || mandatory.has(element);

  switch (summary) {
    case "true":
      return (element, summaryElements) => always(element) || summaryElements.has(element);
    case "text":
      return (element) => always(element) || element === "text";
    case "data":
      return (element) => element !== "text";
    case "count":
    case "false":
      break;
  }
  if (elements && elements.length > 0) {
    return (element) => always(element) || elements.includes(element);
  }
  return undefined;
}
