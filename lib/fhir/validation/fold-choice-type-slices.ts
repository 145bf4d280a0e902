import type { ElementDefinition, StructureDefinition } from "fhir/r4";

/**
 * Returns a copy of a profile in which each type slice of a choice element, such as
 * `supportingInfo:medicalrecordnumber.value[x]:valueString`, is folded into the choice element:
 * the element takes the slice's types and its min when larger, and the slice goes away.
 *
 * @medplum/core 4.5.2 counts such slices against the repeating parent (`supportingInfo`) rather
 * than against the one choice value, so it reports every CARIN BB EOB example as missing them.
 * NOTE: constraints on a type slice's own children (a fixed Quantity system, say) are dropped with
 * the slice and go unchecked until the library counts type slices per value.
 */
export function foldChoiceTypeSlices(profile: StructureDefinition): StructureDefinition {
  const elements = profile.snapshot?.element ?? [];
  const typeSlices = elements.filter(isChoiceTypeSlice);
  if (typeSlices.length === 0) return profile;

  const slicesByParent = new Map<string, ElementDefinition[]>();
  for (const slice of typeSlices) {
    const parentId = parentIdOf(slice);
    slicesByParent.set(parentId, [...(slicesByParent.get(parentId) ?? []), slice]);
  }
  const droppedIds = typeSlices.map((slice) => slice.id ?? "");

  const folded = elements.flatMap((element): ElementDefinition[] => {
    const id = element.id ?? "";
    if (droppedIds.some((dropped) => id === dropped || id.startsWith(`${dropped}.`))) return [];
    const slices = slicesByParent.get(id);
    return slices === undefined ? [element] : [foldInto(element, slices)];
  });
  return { ...profile, snapshot: { element: folded } };
}

function foldInto(element: ElementDefinition, slices: ElementDefinition[]): ElementDefinition {
  const rest: ElementDefinition = { ...element };
  delete rest.slicing;
  const types = slices.flatMap((slice) => slice.type ?? []);
  // One required type slice fixes the type; several list the types the value may take.
  const min = slices.length === 1 ? Math.max(element.min ?? 0, slices[0]?.min ?? 0) : (element.min ?? 0);
  return { ...rest, min, type: types.length > 0 ? types : element.type };
}

/** A slice named after a type of a choice element, such as `value[x]:valueString`. */
function isChoiceTypeSlice(element: ElementDefinition): boolean {
  return element.sliceName !== undefined && element.path.endsWith("[x]") && (element.id ?? "").endsWith(`[x]:${element.sliceName}`);
}

function parentIdOf(slice: ElementDefinition): string {
  const id = slice.id ?? "";
  return id.slice(0, id.lastIndexOf(":"));
}
