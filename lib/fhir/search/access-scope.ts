import { decideScopeCapability } from "../../access/decide-access";

/**
 * Which resources a caller may see. "patients" limits every read and search to the Patient
 * compartments of the listed patients plus the shared directory types.
 */
export type AccessScope = (
  | { kind: "all" }
  | {
      kind: "patients";
      patientIds: readonly string[];
      /**
       * For the listed resource types, only these reference search parameters put a resource in
       * a patient's compartment ({ Coverage: ["beneficiary"] } for care managers). Other types
       * follow the Patient compartment definition.
       */
      compartmentParams?: Readonly<Record<string, readonly string[]>>;
    }
) & {
  /** When present, only these resource types are visible at all (for SMART scopes). */
  resourceTypes?: readonly string[];
};

/**
 * Resource types outside every Patient compartment that a patient-scoped caller may read: the
 * provider, place and drug directories that claims and clinical resources refer to.
 */
export const DIRECTORY_RESOURCE_TYPES: readonly string[] = ["Organization", "Practitioner", "PractitionerRole", "Location", "Medication"];

/** Tells whether a caller with this scope may write (create, update, patch, delete): the access policy's fhir.write. */
export function canWrite(scope: AccessScope): boolean {
  return decideScopeCapability(scope, "fhir.write").allowed;
}

/** Tells whether the scope lets the caller see resources of this type at all. */
export function allowsResourceType(scope: AccessScope, resourceType: string): boolean {
  return scope.resourceTypes === undefined || scope.resourceTypes.includes(resourceType);
}
