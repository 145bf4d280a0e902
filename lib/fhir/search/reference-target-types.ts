import type { Bundle, SearchParameter } from "fhir/r4";

import { readR4Definitions } from "../read-r4-definitions";

const targetsByTypeAndCode = loadTargets();

/**
 * Lists the resource types a reference search parameter may point to, from the `target` of the
 * official R4 SearchParameter: `Observation.subject` gives Group, Device, Patient and Location.
 */
export function listReferenceTargetTypes(resourceType: string, code: string): readonly string[] {
  return targetsByTypeAndCode.get(`${resourceType}.${code}`) ?? [];
}

function loadTargets(): Map<string, string[]> {
  const bundle = readR4Definitions<Bundle<SearchParameter>>("search-parameters.json");
  const targets = new Map<string, string[]>();
  for (const entry of bundle.entry ?? []) {
    const parameter = entry.resource;
    if (parameter?.type !== "reference") continue;
    for (const base of parameter.base) {
      targets.set(`${base}.${parameter.code}`, parameter.target ?? []);
    }
  }
  return targets;
}
