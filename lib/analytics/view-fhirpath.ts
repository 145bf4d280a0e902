import fhirpath, { type UserInvocationTable } from "fhirpath";
import r4Model from "fhirpath/fhir-context/r4";

import { FhirError } from "../fhir/fhir-error";

/** A compiled FHIRPath expression: evaluates on a resource or on an element an earlier evaluation returned. */
export type ViewExpression = (focus: unknown, variables: Record<string, unknown>) => unknown[];

const REFERENCE_PATTERN = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9.-]{1,64})(?:\/_history\/[A-Za-z0-9.-]{1,64})?$/;

interface TypeSpecifier {
  name: string;
}

/**
 * The FHIRPath functions SQL-on-FHIR v2 adds. A key is the resource id: `getResourceKey()`
 * returns it, and `getReferenceKey([type])` returns the id a reference points to, or nothing when
 * the reference names another type or is not a literal `Type/id` reference.
 */
const viewFunctions: UserInvocationTable = {
  getResourceKey: {
    fn: (inputs: unknown[]): string[] => inputs.flatMap((input) => (isRecord(input) && typeof input.id === "string" ? [input.id] : [])),
    arity: { 0: [] },
  },
  getReferenceKey: {
    fn: (inputs: unknown[], type?: TypeSpecifier): string[] => inputs.flatMap((input) => referenceKey(input, type?.name)),
    arity: { 0: [], 1: ["TypeSpecifier"] },
  },
  // SQL-on-FHIR v2 defines join() on an empty collection as the empty string, where fhirpath.js returns nothing.
  join: {
    fn: (inputs: unknown[], separator?: string): string[] => [inputs.map(String).join(separator ?? "")],
    arity: { 0: [], 1: ["String"] },
  },
};

function referenceKey(input: unknown, typeName: string | undefined): string[] {
  if (!isRecord(input) || typeof input.reference !== "string") return [];
  const match = REFERENCE_PATTERN.exec(input.reference);
  if (!match || (typeName !== undefined && match[1] !== typeName)) return [];
  return [match[2] ?? ""];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Compiles a FHIRPath expression with fhirpath.js, the R4 model and the SQL-on-FHIR functions.
 * `location` names where the expression sits in the ViewDefinition, for the error message.
 */
export function compileViewExpression(expression: string, location: string): ViewExpression {
  let evaluate: (focus: unknown, variables: Record<string, unknown>) => unknown[];
  try {
    const compiled = fhirpath.compile(expression, r4Model, { userInvocationTable: viewFunctions });
    evaluate = (focus, variables) => compiled(focus, variables) as unknown[];
  } catch (error) {
    throw new FhirError("invalid", [
      { diagnostics: `${location} "${expression}" is not a valid FHIRPath expression (${firstLine(error)}); fix its syntax.`, expression: location },
    ]);
  }

  return (focus, variables) => {
    try {
      return evaluate(focus, variables);
    } catch (error) {
      throw new FhirError("invalid", [{ diagnostics: `${location} "${expression}" failed: ${firstLine(error)}.`, expression: location }]);
    }
  };
}

/**
 * Turns a constant into the value fhirpath.js compares with elements of its type: dates and
 * times become FHIRPath date literals, so `birthDate = %cutoff` compares dates, not text.
 */
export function toFhirPathConstant(value: string | number | boolean, valueType: string): unknown {
  if (typeof value !== "string") return value;
  const literal = { date: `@${value}`, dateTime: `@${value}`, instant: `@${value}`, time: `@T${value}` }[valueType];
  if (literal === undefined) return value;
  const [typed] = fhirpath.evaluate({}, literal, {}, r4Model, { resolveInternalTypes: false }) as unknown[];
  return typed;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
