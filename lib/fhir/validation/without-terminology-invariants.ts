import type { ElementDefinition, StructureDefinition } from "fhir/r4";

// FHIRPath terminology functions, which need a terminology service to evaluate.
const terminologyFunction = /\.(memberOf|subsumes|subsumedBy)\(/;

/**
 * Returns a copy of a profile without the invariants whose expression calls a FHIRPath
 * terminology function such as memberOf(). @medplum/core evaluates those to false without a
 * terminology service, which would fail every resource. listTerminologyInvariants names them so
 * that a report can list them as not checked.
 */
export function withoutTerminologyInvariants(profile: StructureDefinition): StructureDefinition {
  if (listTerminologyInvariants(profile).length === 0) return profile;
  const elements = (profile.snapshot?.element ?? []).map((element): ElementDefinition => {
    if (!element.constraint?.some(usesTerminology)) return element;
    return { ...element, constraint: element.constraint.filter((constraint) => !usesTerminology(constraint)) };
  });
  return { ...profile, snapshot: { element: elements } };
}

/** Lists the keys of a profile's invariants that call a FHIRPath terminology function. */
export function listTerminologyInvariants(profile: StructureDefinition): string[] {
  const keys = (profile.snapshot?.element ?? []).flatMap((element) => (element.constraint ?? []).filter(usesTerminology).map((constraint) => constraint.key));
  return [...new Set(keys)];
}

function usesTerminology(constraint: { expression?: string }): boolean {
  return constraint.expression !== undefined && terminologyFunction.test(constraint.expression);
}
