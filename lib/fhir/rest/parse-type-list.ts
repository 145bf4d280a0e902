import { FhirError } from "../fhir-error";
import { isSupportedResourceType } from "./supported-resource-types";

/** Parses a `_type` list such as "Patient,Observation"; undefined when the parameter is absent. */
export function parseTypeList(value: string | null): string[] | undefined {
  if (value === null) return undefined;
  const types = [...new Set(value.split(",").map((type) => type.trim()))];
  const unknown = types.filter((type) => !isSupportedResourceType(type));
  if (unknown.length > 0) {
    throw new FhirError("invalid", `_type names ${unknown.map((type) => `"${type}"`).join(", ")}, which this server does not serve; GET /metadata lists the resource types.`);
  }
  return types;
}
