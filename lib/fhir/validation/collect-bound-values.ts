import type { ElementDefinition, StructureDefinition } from "fhir/r4";

import { isJsonObject } from "../is-json-object";

/** A value found at an element with a required binding, to check against the bound ValueSet. */
export interface BoundValue {
  /** FHIRPath of the value, such as `Patient.gender` or `Observation.value.ofType(Quantity)`. */
  path: string;
  /** The JSON property the value came from, such as "valueQuantity", or the element name. */
  property: string;
  value: unknown;
}

/**
 * Collects the values a resource has at each element of a profile that carries a required
 * binding, by the bound ValueSet canonical. Elements inside a slice (ids with `:`) are skipped,
 * because their binding applies only to the entries that match the slice.
 */
export function collectBoundValues(resource: Record<string, unknown>, profile: StructureDefinition): Map<string, BoundValue[]> {
  const found = new Map<string, BoundValue[]>();
  for (const element of profile.snapshot?.element ?? []) {
    const valueSet = requiredValueSetOf(element);
    if (valueSet === undefined || (element.id ?? "").includes(":")) continue;

    const values = valuesAt(resource, element.path);
    if (values.length > 0) found.set(valueSet, [...(found.get(valueSet) ?? []), ...values]);
  }
  return found;
}

function requiredValueSetOf(element: ElementDefinition): string | undefined {
  return element.binding?.strength === "required" ? element.binding.valueSet : undefined;
}

/** Walks a snapshot path such as `Observation.component.code` through the JSON, array items and choice names included. */
function valuesAt(resource: Record<string, unknown>, elementPath: string): BoundValue[] {
  const [root = "", ...names] = elementPath.split(".");
  let current: BoundValue[] = [{ path: root, property: root, value: resource }];
  for (const name of names) {
    current = current.flatMap((parent) => childrenOf(parent, name));
  }
  return current;
}

function childrenOf(parent: BoundValue, name: string): BoundValue[] {
  if (!isJsonObject(parent.value)) return [];
  const properties = name.endsWith("[x]") ? Object.keys(parent.value).filter((key) => isChoiceOf(key, name.slice(0, -3))) : [name];

  return properties.flatMap((property) => {
    const value = parent.value && isJsonObject(parent.value) ? parent.value[property] : undefined;
    if (value === undefined || value === null) return [];
    const path = name.endsWith("[x]") ? `${parent.path}.${name.slice(0, -3)}.ofType(${property.slice(name.length - 3)})` : `${parent.path}.${property}`;
    if (!Array.isArray(value)) return [{ path, property, value }];
    return value.map((item: unknown, index) => ({ path: `${path}[${index}]`, property, value: item }));
  });
}

/** Tells whether a JSON property such as "valueQuantity" is a type choice of "value". */
function isChoiceOf(key: string, base: string): boolean {
  const rest = key.slice(base.length);
  return key.startsWith(base) && rest.length > 0 && rest[0] === rest[0]?.toUpperCase();
}
