import { toDateRange } from "../date-range";
import { FhirError } from "../fhir-error";
import { parseReference } from "../parse-reference";
import type { DateValue, NumberValue, QuantityValue, ReferenceValue, SearchPrefix, TokenValue } from "./search-request";

const PREFIXES: readonly SearchPrefix[] = ["eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap"];
const DECIMAL = /^[+-]?(\d+)(\.(\d+))?([eE][+-]?\d+)?$/;

/**
 * Splits a search value at the commas that separate OR'ed values. A comma escaped as `\,` stays
 * inside its value, and `\\`, `\|` and `\$` are unescaped too, as R4 search defines.
 */
export function splitSearchValues(text: string): string[] {
  const values: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const next = text[i + 1];
    if (char === "\\" && next !== undefined && ",$|\\".includes(next)) {
      current += next;
      i++;
    } else if (char === ",") {
      values.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  values.push(current);
  return values;
}

/** Splits "system|code" at the first `|` not escaped with a backslash. */
function splitAtBar(text: string): [string, string | undefined] {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "|") return [text.slice(0, i), text.slice(i + 1)];
  }
  return [text, undefined];
}

function takePrefix(text: string): [SearchPrefix, string] {
  const candidate = text.slice(0, 2);
  const prefix = PREFIXES.find((known) => known === candidate);
  return prefix && text.length > 2 ? [prefix, text.slice(2)] : ["eq", text];
}

/** Parses `code`, `system|code`, `|code` or `system|` into a token value. */
export function parseTokenValue(text: string): TokenValue {
  const [left, right] = splitAtBar(text);
  if (right === undefined) return { code: left };
  return { system: left, code: right === "" ? undefined : right };
}

/** Parses `[prefix]date` into the instants the date covers, as the index stores them. */
export function parseDateValue(param: string, text: string): DateValue {
  const [prefix, rest] = takePrefix(text);
  const range = toDateRange(rest);
  if (!range) {
    throw new FhirError("invalid", `Search parameter "${param}" has the value "${text}", which is not a date; use [prefix]YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|±hh:mm], such as ge2019-07-01.`);
  }
  return { prefix, range };
}

/**
 * Parses `[prefix]number`. The interval [low, high) is what the written significant digits cover.
 * "100" is [99.5, 100.5) and "100.0" is [99.95, 100.05). "1e2" has one significant digit, so it is [50, 150).
 */
export function parseNumberValue(param: string, text: string): NumberValue {
  const [prefix, rest] = takePrefix(text);
  const match = DECIMAL.exec(rest);
  if (!match) {
    throw new FhirError("invalid", `Search parameter "${param}" has the value "${text}", which is not a number; use [prefix]decimal, such as gt100 or 5.40.`);
  }
  const value = Number(rest);
  const decimals = match[3]?.length ?? 0;
  const exponent = match[4] ? Number(match[4].slice(1)) : 0;
  const halfStep = 0.5 * 10 ** (exponent - decimals);
  return { prefix, value, low: value - halfStep, high: value + halfStep };
}

/** Parses `[prefix]number|system|code`, `[prefix]number||code` or `[prefix]number`. */
export function parseQuantityValue(param: string, text: string): QuantityValue {
  const [numberText, unitText] = splitAtBar(text);
  const number = parseNumberValue(param, numberText);
  if (unitText === undefined) return number;

  const [system, code] = splitAtBar(unitText);
  if (code === undefined) {
    throw new FhirError("invalid", `Search parameter "${param}" has the value "${text}", which has one "|" where a quantity needs two; use number|system|code or number||code, such as 5.4|http://unitsofmeasure.org|mg.`);
  }
  return { ...number, system: system === "" ? undefined : system, code: code === "" ? undefined : code };
}

/**
 * Parses an id, `Type/id` or an absolute URL. A URL under this server's base is read as the
 * relative reference it names.
 */
export function parseReferenceValue(text: string, baseUrl: string, targetType: string | undefined): ReferenceValue {
  const local = text.startsWith(`${baseUrl}/`) ? text.slice(baseUrl.length + 1) : text;
  const parsed = parseReference(local);
  if (parsed.targetType) {
    return { targetType: parsed.targetType, targetId: parsed.targetId };
  }
  if (/^[A-Za-z0-9.-]{1,64}$/.test(local)) {
    return { targetType, targetId: local };
  }
  return { url: text };
}
