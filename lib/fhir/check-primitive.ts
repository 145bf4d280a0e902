/** JSON form of a primitive type, and the fix for a bad value. */
interface PrimitiveRule {
  json: "string" | "number" | "boolean";
  pattern?: { test(value: string): boolean };
  integerRange?: [number, number];
  /** The expected form, phrased as an instruction: "Use YYYY, YYYY-MM or YYYY-MM-DD". */
  fix: string;
}

// The patterns are the R4 regexes from the primitive types' StructureDefinitions, with XML
// Schema's \s (space, tab, CR, LF only) spelled out, because JavaScript's \s also matches
// Unicode spaces such as U+00A0, which FHIR strings may contain.
const YEAR = "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)";
const MONTH = "(0[1-9]|1[0-2])";
const DAY = "(0[1-9]|[1-2][0-9]|3[0-1])";
const TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?";
const ZONE = "(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))";
const NO_WHITESPACE = /^[^ \t\r\n]*$/;
const NOT_EMPTY = { test: (value: string): boolean => value.length > 0 };
const MAX_INTEGER = 2_147_483_647;
/** Characters below U+0020 other than tab, LF and CR, which no FHIR string may hold (PostgreSQL also cannot read U+0000 out of stored JSON). */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const CONTROL_CHARACTER_FIX = "Remove the control characters: FHIR strings may contain tab, CR and LF, and no other character below U+0020";
/**
 * Half of a UTF-16 surrogate pair without the other half, such as the JSON escape "\ud800" alone.
 * It is not a Unicode character, and PostgreSQL rejects it when a query reads a field of stored JSON.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_FIX = "Remove the unpaired surrogate (a \\uD800 to \\uDFFF escape without its partner): FHIR strings must be valid Unicode";

const RULES: Record<string, PrimitiveRule> = {
  boolean: { json: "boolean", fix: "Use true or false, without quotes" },
  integer: { json: "number", integerRange: [-MAX_INTEGER - 1, MAX_INTEGER], fix: `Use a whole number from ${-MAX_INTEGER - 1} to ${MAX_INTEGER}, without quotes` },
  unsignedInt: { json: "number", integerRange: [0, MAX_INTEGER], fix: `Use a whole number from 0 to ${MAX_INTEGER}, without quotes` },
  positiveInt: { json: "number", integerRange: [1, MAX_INTEGER], fix: `Use a whole number from 1 to ${MAX_INTEGER}, without quotes` },
  decimal: { json: "number", fix: "Use a JSON number, without quotes" },
  string: { json: "string", pattern: NOT_EMPTY, fix: "Use a non-empty JSON string, or leave the element out" },
  markdown: { json: "string", pattern: NOT_EMPTY, fix: "Use a non-empty JSON string, or leave the element out" },
  xhtml: { json: "string", pattern: NOT_EMPTY, fix: "Use an XHTML <div> element as a JSON string" },
  code: { json: "string", pattern: /^[^ \t\r\n]+([ \t\r\n][^ \t\r\n]+)*$/, fix: "Use a code without leading, trailing or repeated whitespace" },
  id: { json: "string", pattern: /^[A-Za-z0-9\-.]{1,64}$/, fix: "Use 1 to 64 characters from A-Z, a-z, 0-9, '-' and '.'" },
  uri: { json: "string", pattern: NO_WHITESPACE, fix: "Use a URI without whitespace" },
  url: { json: "string", pattern: NO_WHITESPACE, fix: "Use a URL without whitespace" },
  canonical: { json: "string", pattern: NO_WHITESPACE, fix: "Use a canonical URL without whitespace" },
  oid: { json: "string", pattern: /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/, fix: "Use urn:oid: followed by the dotted OID, such as urn:oid:2.16.840.1.113883" },
  uuid: { json: "string", pattern: /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, fix: "Use urn:uuid: followed by a lower-case UUID" },
  base64Binary: { json: "string", pattern: { test: isBase64 }, fix: "Use standard base64, with = padding to a multiple of 4 characters" },
  date: { json: "string", pattern: new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`), fix: "Use YYYY, YYYY-MM or YYYY-MM-DD" },
  dateTime: {
    json: "string",
    pattern: new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME}${ZONE})?)?)?$`),
    fix: "Use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a time zone, such as 2019-07-04T09:30:00Z or 2019-07-04T09:30:00-05:00",
  },
  instant: {
    json: "string",
    pattern: new RegExp(`^${YEAR}-${MONTH}-${DAY}T${TIME}${ZONE}$`),
    fix: "Use YYYY-MM-DDThh:mm:ss with optional fractional seconds and a time zone, such as 2019-07-04T09:30:00.000Z",
  },
  time: { json: "string", pattern: new RegExp(`^${TIME}$`), fix: "Use hh:mm:ss, such as 09:30:00" },
};

const CALENDAR_TYPES = new Set(["date", "dateTime", "instant"]);

/** Tells whether a FHIR type name is one of the R4 primitive types. */
export function isPrimitiveType(type: string): boolean {
  return type in RULES;
}

/**
 * Checks a JSON value against an R4 primitive type. Returns undefined when it is valid, or the
 * instruction that fixes it ("Use YYYY, YYYY-MM or YYYY-MM-DD") when it is not.
 */
export function checkPrimitive(type: string, value: unknown): string | undefined {
  const rule = RULES[type];
  if (rule === undefined) {
    return undefined;
  }
  if (typeof value !== rule.json) {
    return rule.fix;
  }
  if (typeof value === "number" && !isInRange(value, rule.integerRange)) {
    return rule.fix;
  }
  if (typeof value === "string" && CONTROL_CHARACTER.test(value)) {
    return CONTROL_CHARACTER_FIX;
  }
  if (typeof value === "string" && LONE_SURROGATE.test(value)) {
    return LONE_SURROGATE_FIX;
  }
  if (typeof value === "string" && rule.pattern && !rule.pattern.test(value)) {
    return rule.fix;
  }
  if (typeof value === "string" && CALENDAR_TYPES.has(type) && !hasRealDay(value)) {
    return "Use a day that exists in that month";
  }
  return undefined;
}

function isInRange(value: number, range: [number, number] | undefined): boolean {
  if (!Number.isFinite(value)) return false;
  if (range === undefined) return true;
  return Number.isInteger(value) && value >= range[0] && value <= range[1];
}

/** Checks for standard base64. R4 allows whitespace between the characters. */
function isBase64(value: string): boolean {
  const compact = value.replace(/[ \t\r\n]/g, "");
  return compact.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(compact);
}

/** Checks the day of month, because the R4 date patterns accept 2019-02-30 although R4 requires valid dates. */
function hasRealDay(value: string): boolean {
  if (value.length < 10) {
    return true;
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}
