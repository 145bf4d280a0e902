import { FhirError } from "../fhir/fhir-error";
import { assertValidViewDefinition } from "./assert-valid-view-definition";
import type { ViewDefinition, ViewRow, ViewSelect } from "./view-definition";
import { compileViewExpression, toFhirPathConstant, type ViewExpression } from "./view-fhirpath";

/** An output column of a view, in output order. */
export interface ViewColumnInfo {
  name: string;
  /** The declared FHIR type; absent when the definition leaves it to the expression. */
  type?: string;
  collection: boolean;
}

/** A ViewDefinition checked and compiled once, ready to turn resources into rows. */
export interface CompiledView {
  definition: ViewDefinition;
  resourceType: string;
  columns: ViewColumnInfo[];
  /** Returns the view's rows for one resource; a resource of another type gives none. */
  evaluate(resource: unknown): ViewRow[];
}

interface CompiledColumn {
  name: string;
  location: string;
  expression: ViewExpression;
  collection: boolean;
}

type Iteration =
  | { kind: "forEach" | "forEachOrNull"; expression: ViewExpression }
  | { kind: "repeat"; expressions: ViewExpression[] }
  | { kind: "none" };

interface CompiledSelect {
  columns: CompiledColumn[];
  iteration: Iteration;
  selects: CompiledSelect[];
  unionAll: CompiledSelect[];
  /** Every column this select and its children output, in output order. */
  outputNames: string[];
}

/** Variables fhirpath.js defines itself, plus %rowIndex, which the engine sets. */
const BUILT_IN_VARIABLES = new Set(["resource", "rootResource", "context", "ucum", "sct", "loinc", "factory", "rowIndex"]);

/**
 * Validates a ViewDefinition (structure, FHIRPath syntax, constants, column names and unionAll
 * branches) and compiles it for evaluation, following SQL-on-FHIR v2. Throws FhirError "invalid"
 * naming the element and the fix.
 */
export function compileViewDefinition(input: unknown): CompiledView {
  const definition = assertValidViewDefinition(input);
  const constants = Object.fromEntries((definition.constant ?? []).map((constant) => [constant.name, toFhirPathConstant(constant.value, constant.valueType)]));
  const known = new Set([...BUILT_IN_VARIABLES, ...Object.keys(constants)]);
  const compile = (expression: string, location: string): ViewExpression => {
    assertKnownVariables(expression, location, known);
    return compileViewExpression(expression, location);
  };

  const root: CompiledSelect = compileSelect({ select: definition.select }, "ViewDefinition", compile);
  assertUniqueNames(root.outputNames);
  const where = (definition.where ?? []).map((clause, index) => ({ location: `ViewDefinition.where[${index}].path`, expression: compile(clause.path, `ViewDefinition.where[${index}].path`) }));
  const columns = listColumnInfo(definition.select);

  return {
    definition,
    resourceType: definition.resource,
    columns,
    evaluate(resource) {
      if (!isResourceOfType(resource, definition.resource)) return [];
      const variables = { ...constants, rowIndex: 0 };
      for (const clause of where) {
        if (!passesWhere(clause.expression(resource, variables), clause.location)) return [];
      }
      return evaluateSelect(root, resource, variables);
    },
  };
}

type Compile = (expression: string, location: string) => ViewExpression;

function compileSelect(select: ViewSelect, at: string, compile: Compile): CompiledSelect {
  const columns = (select.column ?? []).map((column, index) => ({
    name: column.name,
    location: `${at}.column[${index}].path`,
    expression: compile(column.path, `${at}.column[${index}].path`),
    collection: column.collection === true,
  }));
  const selects = (select.select ?? []).map((child, index) => compileSelect(child, `${at}.select[${index}]`, compile));
  const unionAll = (select.unionAll ?? []).map((child, index) => compileSelect(child, `${at}.unionAll[${index}]`, compile));
  assertMatchingBranches(unionAll, `${at}.unionAll`);

  return {
    columns,
    iteration: compileIteration(select, at, compile),
    selects,
    unionAll,
    outputNames: [...columns.map((column) => column.name), ...selects.flatMap((child) => child.outputNames), ...(unionAll[0]?.outputNames ?? [])],
  };
}

function compileIteration(select: ViewSelect, at: string, compile: Compile): Iteration {
  if (select.forEach !== undefined) return { kind: "forEach", expression: compile(select.forEach, `${at}.forEach`) };
  if (select.forEachOrNull !== undefined) return { kind: "forEachOrNull", expression: compile(select.forEachOrNull, `${at}.forEachOrNull`) };
  if (select.repeat !== undefined) return { kind: "repeat", expressions: select.repeat.map((path, index) => compile(path, `${at}.repeat[${index}]`)) };
  return { kind: "none" };
}

/** SQL-on-FHIR v2: every unionAll branch has the same columns in the same order. */
function assertMatchingBranches(branches: CompiledSelect[], at: string): void {
  const first = branches[0]?.outputNames.join(", ") ?? "";
  branches.forEach((branch, index) => {
    const names = branch.outputNames.join(", ");
    if (names !== first) {
      throw new FhirError("invalid", [
        { expression: `${at}[${index}]`, diagnostics: `${at}[${index}] has columns (${names}) but ${at}[0] has (${first}); give every unionAll branch the same columns in the same order.` },
      ]);
    }
  });
}

function assertUniqueNames(names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new FhirError("invalid", `The column name "${name}" appears twice in the view; give each column its own name.`);
    }
    seen.add(name);
  }
}

/** Checks every `%name` against the view's constants, because fhirpath.js notices an undefined one only when it evaluates it. */
function assertKnownVariables(expression: string, location: string, known: Set<string>): void {
  const withoutStrings = expression.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  for (const match of withoutStrings.matchAll(/%(?:`([^`]*)`|([A-Za-z_][A-Za-z0-9_]*))/g)) {
    const name = match[1] ?? match[2] ?? "";
    if (!known.has(name) && !name.startsWith("vs-") && !name.startsWith("ext-")) {
      throw new FhirError("invalid", [{ expression: location, diagnostics: `${location} "${expression}" reads %${name}, which is not a constant of the view; add it to ViewDefinition.constant or fix the name.` }]);
    }
  }
}

function listColumnInfo(selects: ViewSelect[]): ViewColumnInfo[] {
  return selects.flatMap((select) => [
    ...(select.column ?? []).map((column) => ({ name: column.name, collection: column.collection === true, ...(column.type ? { type: column.type } : {}) })),
    ...listColumnInfo(select.select ?? []),
    ...listColumnInfo(select.unionAll?.slice(0, 1) ?? []),
  ]);
}

function isResourceOfType(resource: unknown, resourceType: string): boolean {
  return typeof resource === "object" && resource !== null && (resource as { resourceType?: unknown }).resourceType === resourceType;
}

function passesWhere(result: unknown[], location: string): boolean {
  if (result.length === 0) return false;
  const [value] = result;
  if (result.length > 1 || typeof value !== "boolean") {
    throw new FhirError("invalid", [{ expression: location, diagnostics: `${location} returned ${describeResult(result)}, not true or false; make the where path a boolean expression, such as "name.family.exists()".` }]);
  }
  return value;
}

interface Focus {
  node: unknown;
  index: number;
}

function evaluateSelect(select: CompiledSelect, node: unknown, variables: Record<string, unknown>): ViewRow[] {
  const foci = listFoci(select.iteration, node, variables);
  if (foci.length === 0 && select.iteration.kind === "forEachOrNull") {
    // One row for the empty focus: its expressions see an empty collection and %rowIndex 0, and every other column is null.
    const nulls = Object.fromEntries(select.outputNames.map((name) => [name, null]));
    return [{ ...nulls, ...columnValues(select.columns, [], { ...variables, rowIndex: 0 }) }];
  }

  return foci.flatMap((focus) => {
    const focusVariables = { ...variables, rowIndex: focus.index };
    const parts: ViewRow[][] = [[columnValues(select.columns, focus.node, focusVariables)]];
    for (const child of select.selects) parts.push(evaluateSelect(child, focus.node, focusVariables));
    if (select.unionAll.length > 0) parts.push(select.unionAll.flatMap((branch) => evaluateSelect(branch, focus.node, focusVariables)));
    return crossJoin(parts);
  });
}

/** Lists the elements a select iterates over. A select without forEach or repeat keeps its parent's focus and %rowIndex. */
function listFoci(iteration: Iteration, node: unknown, variables: Record<string, unknown>): Focus[] {
  switch (iteration.kind) {
    case "none":
      return [{ node, index: typeof variables.rowIndex === "number" ? variables.rowIndex : 0 }];
    case "forEach":
    case "forEachOrNull":
      return iteration.expression(node, variables).map((element, index) => ({ node: element, index }));
    case "repeat":
      return collectRepeat(iteration.expressions, node, variables).map((element, index) => ({ node: element, index }));
  }
}

/** Follows the repeat paths depth first, each element before its descendants, as SQL-on-FHIR v2 orders them. */
function collectRepeat(expressions: ViewExpression[], node: unknown, variables: Record<string, unknown>): unknown[] {
  const children = expressions.flatMap((expression) => expression(node, variables));
  return children.flatMap((child) => [child, ...collectRepeat(expressions, child, variables)]);
}

function columnValues(columns: CompiledColumn[], node: unknown, variables: Record<string, unknown>): ViewRow {
  const row: ViewRow = {};
  for (const column of columns) {
    const values = column.expression(node, variables);
    if (column.collection) {
      row[column.name] = values;
      continue;
    }
    if (values.length > 1) {
      throw new FhirError("invalid", [
        { expression: column.location, diagnostics: `${column.location} returned ${values.length} values for column "${column.name}", which holds one; set "collection": true or narrow the path, for example with first().` },
      ]);
    }
    row[column.name] = values[0] ?? null;
  }
  return row;
}

function crossJoin(parts: ViewRow[][]): ViewRow[] {
  return parts.reduce<ViewRow[]>((rows, part) => rows.flatMap((left) => part.map((right) => ({ ...left, ...right }))), [{}]);
}

function describeResult(result: unknown[]): string {
  if (result.length > 1) return `${result.length} values`;
  return JSON.stringify(result[0]);
}
