import r4Model from "fhirpath/fhir-context/r4";

import { FhirError, type FhirErrorIssue } from "../fhir/fhir-error";
import { isJsonObject } from "../fhir/is-json-object";
import type { ViewColumn, ViewConstant, ViewDefinition, ViewSelect, ViewWhere } from "./view-definition";

/** Column names must work unquoted in SQL, as SQL-on-FHIR v2 requires. */
const COLUMN_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const SELECT_KEYS = new Set(["column", "select", "forEach", "forEachOrNull", "repeat", "unionAll"]);
const COLUMN_KEYS = new Set(["name", "path", "description", "collection", "type", "tag"]);
const PRIMITIVE_TYPES = new Set([
  "base64Binary", "boolean", "canonical", "code", "date", "dateTime", "decimal", "id", "instant", "integer", "integer64",
  "markdown", "oid", "positiveInt", "string", "time", "unsignedInt", "uri", "url", "uuid",
]);

/**
 * Checks the structure of a ViewDefinition and returns it typed. Every problem found is reported
 * at once, each with its path in the definition and the fix. FHIRPath syntax is checked later,
 * when the view is compiled.
 */
export function assertValidViewDefinition(input: unknown): ViewDefinition {
  const issues: FhirErrorIssue[] = [];
  const report = (expression: string, diagnostics: string): void => {
    issues.push({ expression, diagnostics: `${expression}: ${diagnostics}` });
  };

  if (!isJsonObject(input)) {
    throw new FhirError("invalid", "The ViewDefinition is not a JSON object; send one with resource and select.");
  }
  if (input.resourceType !== undefined && input.resourceType !== "ViewDefinition") {
    report("ViewDefinition.resourceType", `is "${String(input.resourceType)}", expected "ViewDefinition"`);
  }
  const resource = checkResource(input.resource, report);
  const constant = checkList(input.constant, "ViewDefinition.constant", report, (item, at) => checkConstant(item, at, report));
  const where = checkList(input.where, "ViewDefinition.where", report, (item, at) => checkWhere(item, at, report));
  const select = checkList(input.select, "ViewDefinition.select", report, (item, at) => checkSelect(item, at, report));
  if (input.select === undefined || select?.length === 0) {
    report("ViewDefinition.select", "is missing or empty; give at least one select with columns");
  }

  if (issues.length > 0) throw new FhirError("invalid", issues);
  return {
    ...(input as Record<string, unknown>),
    resourceType: "ViewDefinition",
    resource,
    select: select ?? [],
    ...(constant ? { constant } : {}),
    ...(where ? { where } : {}),
  } as ViewDefinition;
}

type Report = (expression: string, diagnostics: string) => void;

function checkResource(value: unknown, report: Report): string {
  if (typeof value !== "string" || value === "") {
    report("ViewDefinition.resource", "is missing; name the FHIR resource type the view reads, such as \"Patient\"");
    return "";
  }
  if (!isResourceType(value)) {
    report("ViewDefinition.resource", `"${value}" is not an R4 resource type; use a type name such as "Patient" or "Observation"`);
  }
  return value;
}

function isResourceType(name: string): boolean {
  const parents: Record<string, string | undefined> = r4Model.type2Parent;
  return parents[name] === "DomainResource" || (parents[name] === "Resource" && name !== "DomainResource");
}

function checkList<T>(value: unknown, at: string, report: Report, check: (item: unknown, at: string) => T | undefined): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    report(at, "is not an array; wrap the value in [ ]");
    return undefined;
  }
  return value.flatMap((item, index) => {
    const checked = check(item, `${at}[${index}]`);
    return checked === undefined ? [] : [checked];
  });
}

function checkConstant(item: unknown, at: string, report: Report): ViewConstant | undefined {
  if (!isJsonObject(item) || typeof item.name !== "string" || !COLUMN_NAME.test(item.name)) {
    report(`${at}.name`, "is missing or not a name; use letters, digits and _ starting with a letter");
    return undefined;
  }
  const valueKeys = Object.keys(item).filter((key) => key.startsWith("value"));
  const valueKey = valueKeys[0];
  if (valueKeys.length !== 1 || valueKey === undefined) {
    report(at, `constant "${item.name}" has ${valueKeys.length} value[x] elements; give exactly one, such as valueString or valueDate`);
    return undefined;
  }
  const value = item[valueKey];
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    report(`${at}.${valueKey}`, "is not a primitive value; constants take string, number or boolean values");
    return undefined;
  }
  const valueType = valueKey.charAt(5).toLowerCase() + valueKey.slice(6);
  return { name: item.name, value, valueType };
}

function checkWhere(item: unknown, at: string, report: Report): ViewWhere | undefined {
  if (!isJsonObject(item) || typeof item.path !== "string" || item.path === "") {
    report(`${at}.path`, "is missing; give a FHIRPath expression that returns true for the resources to keep");
    return undefined;
  }
  return item as unknown as ViewWhere;
}

function checkSelect(item: unknown, at: string, report: Report): ViewSelect | undefined {
  if (!isJsonObject(item)) {
    report(at, "is not an object; give a select with column, select, forEach, forEachOrNull, repeat or unionAll");
    return undefined;
  }
  for (const key of Object.keys(item)) {
    if (!SELECT_KEYS.has(key)) report(`${at}.${key}`, "is not an element of a select; remove it or move it into a column");
  }
  checkIterationKeys(item, at, report);

  const column = checkList(item.column, `${at}.column`, report, (entry, entryAt) => checkColumn(entry, entryAt, report));
  const select = checkList(item.select, `${at}.select`, report, (entry, entryAt) => checkSelect(entry, entryAt, report));
  const unionAll = checkList(item.unionAll, `${at}.unionAll`, report, (entry, entryAt) => checkSelect(entry, entryAt, report));
  if (!column?.length && !select?.length && !unionAll?.length) {
    report(at, "has no column, select or unionAll; give it at least one column");
  }
  return item as ViewSelect;
}

function checkIterationKeys(item: Record<string, unknown>, at: string, report: Report): void {
  for (const key of ["forEach", "forEachOrNull"]) {
    if (item[key] !== undefined && (typeof item[key] !== "string" || item[key] === "")) {
      report(`${at}.${key}`, "is not a FHIRPath expression string; give the path of the elements to iterate, such as \"name\"");
    }
  }
  if (item.repeat !== undefined && (!Array.isArray(item.repeat) || item.repeat.length === 0 || item.repeat.some((path) => typeof path !== "string" || path === ""))) {
    report(`${at}.repeat`, "is not a non-empty array of FHIRPath strings; give the paths to follow, such as [\"item\"]");
  }
  const iterations = ["forEach", "forEachOrNull", "repeat"].filter((key) => item[key] !== undefined);
  if (iterations.length > 1) {
    report(at, `has ${iterations.join(" and ")}; keep one of them and move the other into a nested select`);
  }
}

function checkColumn(item: unknown, at: string, report: Report): ViewColumn | undefined {
  if (!isJsonObject(item)) {
    report(at, "is not an object; give a column with name and path");
    return undefined;
  }
  for (const key of Object.keys(item)) {
    if (!COLUMN_KEYS.has(key)) report(`${at}.${key}`, "is not an element of a column; remove it");
  }
  if (typeof item.name !== "string" || !COLUMN_NAME.test(item.name)) {
    report(`${at}.name`, `${JSON.stringify(item.name ?? null)} is not a column name; use letters, digits and _ starting with a letter`);
  }
  if (typeof item.path !== "string" || item.path === "") {
    report(`${at}.path`, "is missing; give the FHIRPath expression of the column's value");
  }
  if (item.collection !== undefined && typeof item.collection !== "boolean") {
    report(`${at}.collection`, "is not true or false");
  }
  if (item.type !== undefined && (typeof item.type !== "string" || !PRIMITIVE_TYPES.has(item.type))) {
    report(`${at}.type`, `${JSON.stringify(item.type)} is not a FHIR primitive type; use one such as "string", "dateTime" or "decimal"`);
  }
  return item as unknown as ViewColumn;
}
