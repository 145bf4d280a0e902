import { FhirError } from "../fhir/fhir-error";
import { isJsonObject } from "../fhir/is-json-object";
import type { ViewOutputFormat } from "./format-view-rows";

/** The maximum number of rows one $run returns. A larger result needs `_limit` or the materialized tables. */
export const MAX_RUN_ROWS = 100_000;

/** The parameters of ViewDefinition/$run, from the query string and a Parameters body together. */
export interface RunParameters {
  /** An inline ViewDefinition (viewResource), not yet validated. */
  viewResource?: unknown;
  /** The id of a stored ViewDefinition, from viewReference or the instance URL. */
  viewId?: string;
  format: ViewOutputFormat;
  header: boolean;
  patientIds?: string[];
  groupId?: string;
  /** The maximum number of rows to return. When absent, all rows are returned, up to MAX_RUN_ROWS. */
  limit?: number;
  /** Inline resources to run over instead of the store. */
  resources?: unknown[];
}

interface RawParameter {
  name: string;
  value: unknown;
}

const FORMATS: Record<string, ViewOutputFormat> = {
  json: "json",
  "application/json": "json",
  ndjson: "ndjson",
  "application/x-ndjson": "ndjson",
  "application/ndjson": "ndjson",
  csv: "csv",
  "text/csv": "csv",
};
const SUPPORTED = new Set(["viewResource", "viewReference", "_format", "header", "patient", "group", "_limit", "resource"]);

/**
 * Reads the $run parameters of SQL-on-FHIR v2 from the query and, for POST, a Parameters body.
 * Each malformed or unknown parameter gets an "invalid" error that names it and the expected form.
 */
export function parseRunParameters(query: URLSearchParams, body: string | undefined, instanceId: string | undefined): RunParameters {
  const raw = [...[...query.entries()].map(([name, value]) => ({ name, value })), ...parseBody(body)];
  for (const { name } of raw) {
    if (!SUPPORTED.has(name)) {
      throw new FhirError("invalid", `Parameter "${name}" is not supported by $run; use viewResource, viewReference, resource, patient, group, _format, header or _limit.`);
    }
  }
  const values = (name: string): unknown[] => raw.filter((parameter) => parameter.name === name).map((parameter) => parameter.value);

  const parameters: RunParameters = {
    format: parseFormat(single(values("_format"), "_format")),
    header: parseHeader(single(values("header"), "header")),
  };
  const limit = parseLimit(single(values("_limit"), "_limit"));
  if (limit !== undefined) parameters.limit = limit;
  const viewResource = single(values("viewResource"), "viewResource");
  const viewId = instanceId ?? parseViewReference(single(values("viewReference"), "viewReference"));
  if ((viewResource === undefined) === (viewId === undefined)) {
    throw new FhirError("invalid", "$run needs exactly one view: give viewResource (inline, POST only) or viewReference (ViewDefinition/[id]), or call ViewDefinition/[id]/$run.");
  }
  if (viewResource !== undefined) parameters.viewResource = viewResource;
  if (viewId !== undefined) parameters.viewId = viewId;

  const patients = values("patient");
  if (patients.length > 0) parameters.patientIds = patients.map((value) => parseReference(value, "patient", "Patient"));
  const group = single(values("group"), "group");
  if (group !== undefined) parameters.groupId = parseReference(group, "group", "Group");
  const resources = values("resource");
  if (resources.length > 0) parameters.resources = resources;
  if (parameters.resources && (parameters.patientIds || parameters.groupId)) {
    throw new FhirError("invalid", "patient and group filter stored resources, and this $run sends its own resource parameters; drop one or the other.");
  }
  return parameters;
}

function parseBody(body: string | undefined): RawParameter[] {
  if (body === undefined || body === "") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new FhirError("invalid", "The $run body is not JSON; POST a Parameters resource.");
  }
  if (!isJsonObject(parsed) || parsed.resourceType !== "Parameters") {
    throw new FhirError("invalid", "The $run body is not a Parameters resource; POST one with viewResource or viewReference.");
  }
  const list = Array.isArray(parsed.parameter) ? parsed.parameter : [];
  return list.map((entry: unknown, index: number) => {
    if (!isJsonObject(entry) || typeof entry.name !== "string") {
      throw new FhirError("invalid", `Parameters.parameter[${index}] has no name; give each parameter a name and a value.`);
    }
    const valueKey = Object.keys(entry).find((key) => key.startsWith("value") || key === "resource");
    return { name: entry.name, value: valueKey === undefined ? undefined : entry[valueKey] };
  });
}

function single(values: unknown[], name: string): unknown {
  if (values.length > 1) throw new FhirError("invalid", `Parameter "${name}" is given ${values.length} times; give it once.`);
  return values[0];
}

function parseFormat(value: unknown): ViewOutputFormat {
  if (value === undefined) return "json";
  const format = typeof value === "string" ? FORMATS[value.split(";")[0]?.trim().toLowerCase() ?? ""] : undefined;
  if (format === undefined) throw new FhirError("invalid", `_format "${String(value)}" is not supported by $run; use json, ndjson or csv.`);
  return format;
}

function parseHeader(value: unknown): boolean {
  if (value === undefined || value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new FhirError("invalid", `header "${String(value)}" is not true or false; it sets whether CSV output starts with the column names.`);
}

function parseLimit(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const limit = typeof value === "number" ? value : /^\d+$/.test(String(value)) ? Number(value) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RUN_ROWS) {
    throw new FhirError("invalid", `_limit "${String(value)}" is not a whole number from 1 to ${MAX_RUN_ROWS}; give the maximum number of rows.`);
  }
  return limit;
}

function parseViewReference(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return parseReference(value, "viewReference", "ViewDefinition");
}

/** Reads "Type/id" (also as a Reference with that `reference`, or an absolute URL ending in it). */
function parseReference(value: unknown, name: string, type: string): string {
  const text = isJsonObject(value) ? value.reference : value;
  const match = typeof text === "string" ? new RegExp(`(?:^|/)${type}/([A-Za-z0-9.-]{1,64})$`).exec(text) : null;
  if (!match?.[1]) {
    throw new FhirError("invalid", `${name} "${typeof text === "string" ? text : JSON.stringify(value)}" is not a ${type} reference; give it as ${type}/[id].`);
  }
  return match[1];
}
