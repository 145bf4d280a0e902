import { splitTopLevel } from "./split-top-level";

/** One step of a simple FHIRPath path. */
export type PathStep =
  | { kind: "field"; name: string }
  | { kind: "ofType"; typeName: string }
  | { kind: "whereResolveIs"; typeName: string }
  | { kind: "whereEquals"; field: string; literal: string };

/** A FHIRPath expression that is a plain walk from a type name through fields and filters. */
export interface SimplePath {
  root: string;
  steps: PathStep[];
}

const TYPE_NAME = "(?:FHIR\\.)?([A-Za-z]+)";
const FIELD = /^([a-z][A-Za-z0-9]*)$/;
const OF_TYPE = new RegExp(`^(?:ofType|as)\\(${TYPE_NAME}\\)$`);
const WHERE_RESOLVE_IS = new RegExp(`^where\\(resolve\\(\\) is ${TYPE_NAME}\\)$`);
const WHERE_EQUALS = /^where\(([a-z][A-Za-z0-9]*)\s*=\s*'([^'\\]*)'\)$/;
const AS_OPERATOR = new RegExp(`^(.*\\S)\\s+as\\s+${TYPE_NAME}$`);

/**
 * Parses the FHIRPath shapes that search parameters mostly use: `Type.a.b`, `(Type.a as X)`,
 * `Type.a.as(X)`, `Type.a.ofType(X)`, `Type.a.where(resolve() is X)`, `Type.a.where(b='c')` and
 * parenthesised forms followed by more fields. Returns undefined for any other expression.
 */
export function parseSimplePath(expression: string): SimplePath | undefined {
  const flat = flattenParentheses(expression.trim());
  if (flat === undefined) {
    return undefined;
  }

  const [root, ...segments] = splitTopLevel(flat, ".");
  if (root === undefined || !/^[A-Z][A-Za-z]*$/.test(root)) {
    return undefined;
  }
  const steps: PathStep[] = [];
  for (const segment of segments) {
    const step = parseStep(segment);
    if (step === undefined) {
      return undefined;
    }
    steps.push(step);
  }
  return { root, steps };
}

function parseStep(segment: string): PathStep | undefined {
  const field = FIELD.exec(segment);
  if (field?.[1]) return { kind: "field", name: field[1] };

  const ofType = OF_TYPE.exec(segment);
  if (ofType?.[1]) return { kind: "ofType", typeName: ofType[1] };

  const resolveIs = WHERE_RESOLVE_IS.exec(segment);
  if (resolveIs?.[1]) return { kind: "whereResolveIs", typeName: resolveIs[1] };

  const equals = WHERE_EQUALS.exec(segment);
  if (equals?.[1] && equals[2] !== undefined) return { kind: "whereEquals", field: equals[1], literal: equals[2] };

  return undefined;
}

/**
 * Rewrites `(A as X).b` and `(A.ofType(X)).b` as `A.ofType(X).b`, which select the same values.
 * Returns undefined when a closing parenthesis is followed by anything but a path.
 */
function flattenParentheses(expression: string): string | undefined {
  if (!expression.startsWith("(")) {
    return rewriteAsOperator(expression);
  }

  const close = matchingParenthesis(expression);
  if (close < 0) {
    return undefined;
  }
  const rest = expression.slice(close + 1).trim();
  if (rest !== "" && !rest.startsWith(".")) {
    return undefined;
  }
  const inner = flattenParentheses(expression.slice(1, close).trim());
  return inner === undefined ? undefined : inner + rest;
}

function rewriteAsOperator(expression: string): string {
  const match = AS_OPERATOR.exec(expression);
  return match?.[1] && match[2] ? `${match[1]}.ofType(${match[2]})` : expression;
}

function matchingParenthesis(expression: string): number {
  let depth = 0;
  for (let i = 0; i < expression.length; i++) {
    if (expression[i] === "(") depth++;
    if (expression[i] === ")" && --depth === 0) return i;
  }
  return -1;
}
