import fhirpath from "fhirpath";
import r4Model from "fhirpath/fhir-context/r4";
import type { Resource } from "fhir/r4";
import { RELATIVE_REFERENCE_PATTERN } from "./parse-reference";

/** A value a search expression selects, with its FHIR type name such as "dateTime" or "Coding". */
export interface TypedValue {
  type: string;
  value: unknown;
}

/**
 * fhirpath.js implements `resolve()` by fetching the reference over HTTP. Search expressions only
 * ask `resolve() is Patient`, so the target type comes from the relative reference string instead,
 * as parseReference reads it.
 */
const RESOLVE_IS = /resolve\(\)\s+is\s+(?:FHIR\.)?([A-Za-z]+)/g;
const REFERENCE_ID_PATTERN = RELATIVE_REFERENCE_PATTERN.replace("^([A-Z][A-Za-z]+)/", "");

/**
 * Compiles a FHIRPath expression once with fhirpath.js and the R4 model. This is the slow but
 * complete engine. Search indexing uses it for the shapes the path walker does not handle, and
 * tests use it to check the walker.
 */
export function compileFhirPathExpression(expression: string): (resource: Resource) => TypedValue[] {
  const withoutResolve = expression.replace(
    RESOLVE_IS,
    (_match, typeName: string) => `reference.matches('^${typeName}/${REFERENCE_ID_PATTERN}')`,
  );
  const evaluate = fhirpath.compile(withoutResolve, r4Model, { resolveInternalTypes: false });

  return (resource) => {
    const nodes: unknown[] = evaluate(resource);
    const types = fhirpath.types(nodes);
    return nodes.map((node, index) => ({
      type: fhirTypeName(types[index] ?? ""),
      value: fhirpath.resolveInternalTypes(node),
    }));
  };
}

/** Converts a qualified type name to the FHIR one: "FHIR.dateTime" → "dateTime", "System.Boolean" → "boolean". */
function fhirTypeName(qualified: string): string {
  const [namespace, name = ""] = qualified.split(".");
  return namespace === "System" ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}
