import type { Resource } from "fhir/r4";
import { compileFhirPathExpression } from "./compile-fhirpath-expression";
import { isJsonObject } from "./is-json-object";
import { parseReference } from "./parse-reference";
import { parseSimplePath } from "./parse-simple-path";
import type { WalkOperation } from "./resolve-path-branches";
import { resolvePathBranches } from "./resolve-path-branches";

/**
 * Receives each selected value with its FHIR type name. The context argument lets callers pass
 * state without a closure per call, which matters at tens of thousands of calls per second.
 */
export type VisitValue<C> = (context: C, value: unknown, type: string) => void;

/** A search parameter expression compiled once, to run on many resources. */
export interface SearchExpression {
  expression: string;
  /** "path-walker" for the fast plain-JS walk, "fhirpath" for the fhirpath.js fallback. */
  engine: "path-walker" | "fhirpath";
  forEachValue<C>(resource: Resource, visit: VisitValue<C>, context: C): void;
}

/**
 * Compiles one FHIRPath expression part of a search parameter. Simple paths become plain-JS walks
 * over the JSON. Any other shape runs through fhirpath.js, which is complete but far slower.
 */
export function compileSearchExpression(expression: string): SearchExpression {
  const path = parseSimplePath(expression);
  const branches = path && resolvePathBranches(path);
  if (branches) {
    return {
      expression,
      engine: "path-walker",
      forEachValue: (resource, visit, context) => {
        for (const branch of branches) walk(resource, branch.operations, 0, branch.type, visit, context);
      },
    };
  }

  const evaluate = compileFhirPathExpression(expression);
  return {
    expression,
    engine: "fhirpath",
    forEachValue: (resource, visit, context) => {
      for (const { value, type } of evaluate(resource)) visit(context, value, type);
    },
  };
}

/** Walks depth first, so it builds no intermediate arrays for the common single-valued paths. */
function walk<C>(node: unknown, operations: WalkOperation[], index: number, type: string, visit: VisitValue<C>, context: C): void {
  const operation = operations[index];
  if (operation === undefined) {
    visit(context, node, type);
    return;
  }
  if (!isJsonObject(node)) {
    return;
  }

  switch (operation.kind) {
    case "get": {
      const child = node[operation.key];
      if (Array.isArray(child)) {
        for (const item of child) {
          if (item !== null && item !== undefined) walk(item, operations, index + 1, type, visit, context);
        }
      } else if (child !== null && child !== undefined) {
        walk(child, operations, index + 1, type, visit, context);
      }
      return;
    }
    case "referenceTo":
      if (typeof node.reference === "string" && parseReference(node.reference).targetType === operation.typeName) {
        walk(node, operations, index + 1, type, visit, context);
      }
      return;
    case "equals":
      if (node[operation.field] === operation.literal) {
        walk(node, operations, index + 1, type, visit, context);
      }
      return;
  }
}
