import type { ElementDefinition, StructureDefinition } from "fhir/r4";

/**
 * Returns a copy of a profile in which each element that reuses another element's definition by
 * `contentReference`, where the profile slices that other element, lists the base definition's
 * children itself.
 *
 * @medplum/core 4.5.2 resolves a contentReference by element path and takes the last element
 * of that path it has seen, which is a slice when the target is sliced. It then throws "Invalid
 * slice start before discriminator" for the CARIN BB EOB profiles, whose
 * `ExplanationOfBenefit.item.detail.adjudication` refers to the sliced
 * `ExplanationOfBenefit.item.adjudication`. A contentReference points at the base resource's
 * definition (its URL names the base StructureDefinition), so the children copied here come from
 * `base`, without the profile's slices. Profiles with no such element are returned as they are.
 */
export function inlineSlicedContentReferences(profile: StructureDefinition, base: StructureDefinition | undefined): StructureDefinition {
  const elements = profile.snapshot?.element ?? [];
  const slicedPaths = new Set(elements.filter((element) => element.sliceName !== undefined).map((element) => element.path));
  const needsInlining = (element: ElementDefinition): boolean => element.contentReference !== undefined && slicedPaths.has(targetPath(element.contentReference));
  if (base?.snapshot === undefined || !elements.some(needsInlining)) return profile;

  const baseElements = base.snapshot.element;
  const inlined = elements.flatMap((element) => (needsInlining(element) ? inlineElement(element, baseElements) : [element]));
  return { ...profile, snapshot: { element: inlined } };
}

function inlineElement(element: ElementDefinition, baseElements: readonly ElementDefinition[]): ElementDefinition[] {
  const target = targetPath(element.contentReference ?? "");
  const targetElement = baseElements.find((candidate) => candidate.path === target);
  if (targetElement === undefined) return [element];

  const head: ElementDefinition = { ...element, type: targetElement.type };
  delete head.contentReference;
  const children = baseElements
    .filter((candidate) => candidate.path.startsWith(`${target}.`))
    .map((child) => ({ ...child, id: `${element.id ?? element.path}${child.path.slice(target.length)}`, path: `${element.path}${child.path.slice(target.length)}` }));
  return [head, ...children];
}

/** Returns the element path of a contentReference such as `http://hl7.org/fhir/StructureDefinition/ExplanationOfBenefit#ExplanationOfBenefit.item.adjudication`. */
function targetPath(contentReference: string): string {
  return contentReference.slice(contentReference.indexOf("#") + 1);
}
