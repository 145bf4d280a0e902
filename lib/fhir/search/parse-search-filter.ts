import { FhirError } from "../fhir-error";
import { normalizeSearchString } from "../normalize-search-string";
import type { SearchParameterDefinition } from "../search-parameters";
import { tokenTextParam } from "../token-text-param";
import { findSearchParameter } from "./find-search-parameter";
import {
  parseDateValue,
  parseNumberValue,
  parseQuantityValue,
  parseReferenceValue,
  parseTokenValue,
  splitSearchValues,
} from "./parse-search-values";
import { listReferenceTargetTypes } from "./reference-target-types";
import type { SearchFilter } from "./search-request";

/** Settings of a filter parse that do not come from the parameter itself. */
export interface FilterContext {
  /** This server's base URL, so absolute references to it match their relative form. */
  baseUrl: string;
  /** Whether an unknown parameter is an error (`Prefer: handling=strict`) rather than ignored. */
  strict: boolean;
}

/**
 * Parses one `name[:modifier]=value` pair of a search on `resourceType` into a filter: a search
 * parameter, `_id`, `_lastUpdated`, a chain (`subject:Patient.name`) or `_has`. Returns undefined
 * for a parameter the type does not have, unless the context is strict, which rejects it.
 */
export function parseSearchFilter(resourceType: string, key: string, valueText: string, context: FilterContext): SearchFilter | undefined {
  if (key.startsWith("_has:")) {
    return parseHasFilter(resourceType, key, valueText, context);
  }
  const dot = key.indexOf(".");
  if (dot > 0) {
    return parseChainFilter(resourceType, key.slice(0, dot), key.slice(dot + 1), valueText, context);
  }

  const [code, modifier] = splitModifier(key);
  if (code === "_id") {
    assertNoModifier(key, modifier);
    return { kind: "id", values: splitSearchValues(valueText) };
  }
  if (code === "_lastUpdated") {
    assertNoModifier(key, modifier);
    return { kind: "last-updated", values: splitSearchValues(valueText).map((text) => parseDateValue(key, text)) };
  }

  const parameter = findSearchParameter(resourceType, code);
  if (!parameter) {
    return rejectUnknown(resourceType, key, context);
  }
  if (modifier === "missing") {
    return parseMissing(key, parameter, valueText);
  }
  return parseTypedFilter(resourceType, key, parameter, modifier, valueText, context);
}

function splitModifier(key: string): [string, string | undefined] {
  const colon = key.indexOf(":");
  return colon < 0 ? [key, undefined] : [key.slice(0, colon), key.slice(colon + 1)];
}

function parseTypedFilter(
  resourceType: string,
  key: string,
  parameter: SearchParameterDefinition,
  modifier: string | undefined,
  valueText: string,
  context: FilterContext,
): SearchFilter {
  const texts = splitSearchValues(valueText);
  const param = parameter.code;

  switch (parameter.type) {
    case "token":
      if (modifier === "text") {
        // The display texts are indexed as string rows (see tokenTextParam) and match as a string search does: by prefix, ignoring case and accents.
        return { kind: "string", param: tokenTextParam(param), match: "starts-with", values: texts.map(normalizeSearchString) };
      }
      if (modifier !== undefined && modifier !== "not") throw unsupportedModifier(key, "token", ":not, :text and :missing");
      return { kind: "token", param, negate: modifier === "not", values: texts.map(parseTokenValue) };
    case "string":
      if (modifier !== undefined && modifier !== "exact" && modifier !== "contains") throw unsupportedModifier(key, "string", ":exact, :contains and :missing");
      return { kind: "string", param, match: stringMatch(modifier), values: texts.map(normalizeSearchString) };
    case "date":
      assertNoModifier(key, modifier);
      return { kind: "date", param, values: texts.map((text) => parseDateValue(key, text)) };
    case "number":
      assertNoModifier(key, modifier);
      return { kind: "number", param, values: texts.map((text) => parseNumberValue(key, text)) };
    case "quantity":
      assertNoModifier(key, modifier);
      return { kind: "quantity", param, values: texts.map((text) => parseQuantityValue(key, text)) };
    case "uri":
      if (modifier !== undefined && modifier !== "below") throw unsupportedModifier(key, "uri", ":below and :missing");
      return { kind: "uri", param, match: modifier === "below" ? "below" : "exact", values: texts };
    case "reference": {
      const targets = listReferenceTargetTypes(resourceType, param);
      // A parameter with one target type gets it even for a bare id, so the lookup can use the index on (target_type, target_id).
      const implied = targets.length === 1 ? targets[0] : undefined;
      const targetType = modifier === undefined ? implied : assertTargetType(resourceType, key, param, modifier);
      return { kind: "reference", param, values: texts.map((text) => parseReferenceValue(text, context.baseUrl, targetType)) };
    }
  }
}

function stringMatch(modifier: string | undefined): "starts-with" | "exact" | "contains" {
  if (modifier === "exact") return "exact";
  if (modifier === "contains") return "contains";
  return "starts-with";
}

function parseMissing(key: string, parameter: SearchParameterDefinition, valueText: string): SearchFilter {
  if (valueText !== "true" && valueText !== "false") {
    throw new FhirError("invalid", `Search parameter "${key}" has the value "${valueText}"; :missing takes true or false.`);
  }
  return { kind: "missing", param: parameter.code, table: parameter.type, missing: valueText === "true" };
}

/** Parses `param[:Type].chained=value`, one level deep, into a filter on the referenced resource. */
function parseChainFilter(resourceType: string, head: string, tail: string, valueText: string, context: FilterContext): SearchFilter | undefined {
  const [code, typeModifier] = splitModifier(head);
  const parameter = findSearchParameter(resourceType, code);
  if (!parameter || parameter.type !== "reference") {
    return rejectUnknown(resourceType, head, context);
  }
  if (tail.includes(".")) {
    throw new FhirError("invalid", `Search parameter "${head}.${tail}" chains more than one reference; this server follows one level, such as subject:Patient.name.`);
  }

  const targetType = typeModifier === undefined ? singleTargetType(resourceType, head, code) : assertTargetType(resourceType, head, code, typeModifier);
  const filter = parseSearchFilter(targetType, tail, valueText, { ...context, strict: true });
  if (!filter) {
    throw new FhirError("internal", "A strict filter parse returned no filter.");
  }
  return { kind: "chain", param: code, targetType, filter };
}

/** Parses `_has:Type:param:filter=value`: resources that a `Type` resource refers to through `param`. */
function parseHasFilter(resourceType: string, key: string, valueText: string, context: FilterContext): SearchFilter {
  const [, sourceType, param, ...rest] = key.split(":");
  const filterKey = rest.join(":");
  if (!sourceType || !param || !filterKey) {
    throw new FhirError("invalid", `Search parameter "${key}" is not a complete _has; write _has:Type:reference:parameter=value, such as _has:Observation:patient:code=4548-4.`);
  }
  if (filterKey.startsWith("_has")) {
    throw new FhirError("invalid", `Search parameter "${key}" nests _has; this server supports one level.`);
  }
  const parameter = findSearchParameter(sourceType, param);
  if (parameter?.type !== "reference") {
    throw new FhirError("invalid", `Search parameter "${key}" names "${sourceType}:${param}", which is not a reference search parameter of ${sourceType}; check both names.`);
  }
  if (!listReferenceTargetTypes(sourceType, param).includes(resourceType)) {
    throw new FhirError("invalid", `Search parameter "${key}": ${sourceType}.${param} cannot refer to a ${resourceType}.`);
  }

  const filter = parseSearchFilter(sourceType, filterKey, valueText, { ...context, strict: true });
  if (!filter) {
    throw new FhirError("internal", "A strict filter parse returned no filter.");
  }
  return { kind: "has", sourceType, param, filter };
}

function singleTargetType(resourceType: string, key: string, code: string): string {
  const targets = listReferenceTargetTypes(resourceType, code);
  if (targets.length !== 1 || !targets[0]) {
    const example = targets.includes("Patient") ? "Patient" : (targets[0] ?? "Patient");
    throw new FhirError("invalid", `Search parameter "${key}" can refer to ${targets.join(", ")}; name the type to chain into, such as ${code}:${example}.name.`);
  }
  return targets[0];
}

function assertTargetType(resourceType: string, key: string, code: string, targetType: string): string {
  const targets = listReferenceTargetTypes(resourceType, code);
  if (!targets.includes(targetType)) {
    throw new FhirError("invalid", `Search parameter "${key}" names the type ${targetType}, but ${resourceType}.${code} refers only to ${targets.join(", ")}.`);
  }
  return targetType;
}

function assertNoModifier(key: string, modifier: string | undefined): void {
  if (modifier !== undefined) {
    throw new FhirError("invalid", `Search parameter "${key}" has the modifier :${modifier}, which this parameter does not support; remove it.`);
  }
}

function unsupportedModifier(key: string, type: string, supported: string): FhirError {
  return new FhirError("invalid", `Search parameter "${key}" has a modifier this server does not support on ${type} parameters; use ${supported}.`);
}

function rejectUnknown(resourceType: string, key: string, context: FilterContext): undefined {
  if (context.strict) {
    throw new FhirError("invalid", `Search parameter "${key}" is not known for ${resourceType}; check the name against GET /metadata, or send Prefer: handling=lenient to ignore it.`);
  }
  return undefined;
}
