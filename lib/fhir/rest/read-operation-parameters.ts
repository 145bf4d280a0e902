import type { Parameters, ParametersParameter } from "fhir/r4";

import { FhirError } from "../fhir-error";
import { isJsonObject } from "../is-json-object";
import type { FhirRequest } from "./fhir-request";

/** An operation's input parameters by name, each with its values in request order. */
export type OperationParameters = ReadonlyMap<string, readonly string[]>;

/**
 * Reads an operation's parameters: from the query string of a GET, or from the Parameters
 * resource (or a form-encoded body) of a POST. Values of primitive types and of references are
 * read as text. Rejects a parameter the operation does not define, naming the ones it does, but
 * skips general parameters whose names start with "_".
 */
export function readOperationParameters(request: FhirRequest, operation: string, allowed: readonly string[]): OperationParameters {
  const pairs = request.method === "POST" ? readPostPairs(request, operation) : [...request.query.entries()];

  const parameters = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    // Parameters starting with "_" (such as _format) apply to every interaction, not to the operation.
    if (name.startsWith("_")) continue;
    if (!allowed.includes(name)) {
      throw new FhirError("invalid", `${operation} has no parameter "${name}"; it takes ${allowed.join(", ")}.`);
    }
    parameters.set(name, [...(parameters.get(name) ?? []), value]);
  }
  return parameters;
}

/** Returns the one value of a parameter, undefined when absent; rejects a repeated one. */
export function singleParameter(parameters: OperationParameters, operation: string, name: string): string | undefined {
  const values = parameters.get(name) ?? [];
  if (values.length > 1) {
    throw new FhirError("invalid", `${operation} takes one "${name}", and the request has ${values.length}; send it once.`);
  }
  return values[0];
}

function readPostPairs(request: FhirRequest, operation: string): [string, string][] {
  const contentType = request.headers["content-type"] ?? "";
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    return [...new URLSearchParams(request.body ?? "").entries()];
  }

  let body: unknown;
  try {
    body = request.body ? JSON.parse(request.body) : { resourceType: "Parameters" };
  } catch {
    throw new FhirError("invalid", `The body of POST ${operation} is not JSON; send a Parameters resource, or use GET with query parameters.`);
  }
  if (!isJsonObject(body) || body.resourceType !== "Parameters") {
    throw new FhirError("invalid", `POST ${operation} takes a Parameters resource as its body; send one, or use GET with query parameters.`);
  }
  return ((body as unknown as Parameters).parameter ?? []).map((parameter) => [parameter.name, valueText(parameter, operation)]);
}

function valueText(parameter: ParametersParameter, operation: string): string {
  const value =
    parameter.valueString ??
    parameter.valueDate ??
    parameter.valueDateTime ??
    parameter.valueCode ??
    parameter.valueUri ??
    parameter.valueCanonical ??
    parameter.valueId ??
    parameter.valueReference?.reference;
  if (value === undefined) {
    throw new FhirError("invalid", `Parameter "${parameter.name}" of ${operation} has no value of a supported type; give valueString, valueDate, valueCode, valueUri, valueCanonical, valueId or valueReference.`);
  }
  return value;
}
