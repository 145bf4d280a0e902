import { periodToDateRange, toDateRange } from "./date-range";
import type { IndexRowCollector } from "./index-row-collector";
import { isJsonObject } from "./is-json-object";
import { normalizeSearchString } from "./normalize-search-string";
import { parseReference } from "./parse-reference";
import { tokenTextParam } from "./token-text-param";
import type { IndexedSearchParameterType } from "./search-parameters";

const STRING_LIKE = new Set(["string", "markdown", "code", "id", "uri", "url", "canonical", "oid", "uuid"]);
const NUMBER_TYPES = new Set(["decimal", "integer", "positiveInt", "unsignedInt"]);
const QUANTITY_TYPES = new Set(["Quantity", "Age", "Duration", "Distance", "Count", "SimpleQuantity", "MoneyQuantity"]);
const DATE_TYPES = new Set(["date", "dateTime", "instant"]);
const URI_TYPES = new Set(["uri", "url", "canonical", "oid", "uuid"]);
const HUMAN_NAME_PARTS = ["family", "given", "prefix", "suffix", "text"];
const ADDRESS_PARTS = ["line", "city", "district", "state", "postalCode", "country", "text"];
const STRING_PARTS: Record<string, string[] | undefined> = { HumanName: HUMAN_NAME_PARTS, Address: ADDRESS_PARTS };
const ISO_4217 = "urn:iso:std:iso:4217";

/**
 * Adds the index rows for one value a search parameter selected. `fhirType` is the value's FHIR
 * type name. Values of a type the parameter type cannot index, and malformed values, add nothing,
 * because validation rejects those before a resource reaches the index.
 */
export function addValueRows(
  collector: IndexRowCollector,
  param: string,
  paramType: IndexedSearchParameterType,
  value: unknown,
  fhirType: string,
): void {
  switch (paramType) {
    case "token":
      return addTokenRows(collector, param, value, fhirType);
    case "string":
      return addStringRows(collector, param, value, fhirType);
    case "date":
      return addDateRows(collector, param, value, fhirType);
    case "reference":
      return addReferenceRows(collector, param, value, fhirType);
    case "number":
      if (NUMBER_TYPES.has(fhirType) && typeof value === "number" && Number.isFinite(value)) collector.addNumber(param, value);
      return;
    case "quantity":
      return addQuantityRows(collector, param, value, fhirType);
    case "uri":
      if (URI_TYPES.has(fhirType) && typeof value === "string") collector.addUri(param, value);
      return;
  }
}

function addTokenRows(collector: IndexRowCollector, param: string, value: unknown, fhirType: string): void {
  if (typeof value === "boolean") {
    collector.addToken(param, "", String(value));
  } else if (typeof value === "string") {
    if (STRING_LIKE.has(fhirType) && value !== "") collector.addToken(param, "", value);
  } else if (isJsonObject(value)) {
    addCodedTokenRows(collector, param, value, fhirType);
  }
}

/**
 * Adds a Coding, each coding of a CodeableConcept, an Identifier as system and value, and a
 * ContactPoint as its value. The display texts (Coding.display, CodeableConcept.text and
 * Identifier.type.text) also go in as string rows for the `:text` modifier.
 */
function addCodedTokenRows(collector: IndexRowCollector, param: string, value: Record<string, unknown>, fhirType: string): void {
  switch (fhirType) {
    case "Coding":
      return addCoding(collector, param, value);
    case "CodeableConcept":
      for (const coding of asArray(value.coding)) {
        if (isJsonObject(coding)) addCoding(collector, param, coding);
      }
      addTokenText(collector, param, value.text);
      return;
    case "Identifier":
      if (typeof value.value === "string") collector.addToken(param, textOr(value.system, ""), value.value);
      if (isJsonObject(value.type)) addTokenText(collector, param, value.type.text);
      return;
    case "ContactPoint":
      if (typeof value.value === "string") collector.addToken(param, "", value.value);
      return;
  }
}

function addCoding(collector: IndexRowCollector, param: string, coding: Record<string, unknown>): void {
  if (typeof coding.code === "string") collector.addToken(param, textOr(coding.system, ""), coding.code);
  addTokenText(collector, param, coding.display);
}

function addTokenText(collector: IndexRowCollector, param: string, text: unknown): void {
  if (typeof text === "string") collector.addString(tokenTextParam(param), normalizeSearchString(text));
}

function addStringRows(collector: IndexRowCollector, param: string, value: unknown, fhirType: string): void {
  const parts = STRING_PARTS[fhirType];
  if (typeof value === "string" && STRING_LIKE.has(fhirType)) {
    collector.addString(param, normalizeSearchString(value));
  } else if (parts && isJsonObject(value)) {
    for (const text of parts.flatMap((part) => asArray(value[part]))) {
      if (typeof text === "string") collector.addString(param, normalizeSearchString(text));
    }
  }
}

/** Adds a date, dateTime or instant by its precision, a Period from start to end and a Timing by each event. */
function addDateRows(collector: IndexRowCollector, param: string, value: unknown, fhirType: string): void {
  if (typeof value === "string" && DATE_TYPES.has(fhirType)) {
    const range = toDateRange(value);
    if (range) collector.addDate(param, range);
  } else if (fhirType === "Period" && isJsonObject(value)) {
    const range = periodToDateRange(value.start, value.end);
    if (range) collector.addDate(param, range);
  } else if (fhirType === "Timing" && isJsonObject(value)) {
    for (const event of asArray(value.event)) addDateRows(collector, param, event, "dateTime");
  }
}

/**
 * Adds a Reference by its `reference` string, and a canonical or uri as it is. A Reference with
 * only an identifier or display adds nothing.
 */
function addReferenceRows(collector: IndexRowCollector, param: string, value: unknown, fhirType: string): void {
  let reference: unknown;
  if (fhirType === "Reference" && isJsonObject(value)) reference = value.reference;
  if (URI_TYPES.has(fhirType)) reference = value;
  if (typeof reference === "string" && reference !== "") {
    collector.addReference(param, parseReference(reference));
  }
}

/**
 * Adds a Quantity or one of its profiles by value, system, code and unit, and Money with ISO 4217
 * as the system.
 * NOTE: a Range is indexed as its low and high quantities, not as the interval between them, so
 * a search for a value inside the range does not match it. SampledData is not indexed.
 */
function addQuantityRows(collector: IndexRowCollector, param: string, value: unknown, fhirType: string): void {
  if (!isJsonObject(value)) {
    return;
  }
  if (fhirType === "Range") {
    addQuantityRows(collector, param, value.low, "Quantity");
    addQuantityRows(collector, param, value.high, "Quantity");
    return;
  }
  if (typeof value.value !== "number" || !Number.isFinite(value.value)) {
    return;
  }
  if (QUANTITY_TYPES.has(fhirType)) {
    collector.addQuantity({ param, value: value.value, system: textOr(value.system, ""), code: textOr(value.code, ""), unit: textOr(value.unit, "") });
  } else if (fhirType === "Money") {
    collector.addQuantity({ param, value: value.value, system: ISO_4217, code: textOr(value.currency, ""), unit: "" });
  }
}

function textOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined ? [] : [value];
}
