import { isRecord } from "./is-record";

/** A JSON object with a resourceType, not yet validated as a FHIR resource. */
export interface ResourceCandidate {
  resourceType: string;
  id?: unknown;
  [element: string]: unknown;
}

/** Tells whether a JSON value has the shape every FHIR resource starts with. */
export function isResourceCandidate(value: unknown): value is ResourceCandidate {
  return isRecord(value) && typeof value.resourceType === "string" && value.resourceType !== "";
}
