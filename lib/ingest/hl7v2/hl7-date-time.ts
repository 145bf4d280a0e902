// HL7 v2 DTM and TS values: YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ].
const dtm = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\.\d{1,4})?([+-]\d{4})?$/;

interface DtmParts {
  year: string;
  month?: string;
  day?: string;
  hour?: string;
  minute?: string;
  second?: string;
  fraction?: string;
  offset?: string;
}

function readDtm(value: string): DtmParts | undefined {
  const match = dtm.exec(value.trim());
  if (!match) return undefined;
  const [, year = "", month, day, hour, minute, second, fraction, offset] = match;
  const parts = { year, month, day, hour, minute, second, fraction, offset };
  return isOnCalendar(parts) ? parts : undefined;
}

/** Rejects a month, day, hour, minute or second out of range, such as 19801345 or 2026-02-30. */
function isOnCalendar(parts: DtmParts): boolean {
  const inRange = (part: string | undefined, low: number, high: number): boolean => part === undefined || (Number(part) >= low && Number(part) <= high);
  if (!inRange(parts.month, 1, 12) || !inRange(parts.hour, 0, 23) || !inRange(parts.minute, 0, 59) || !inRange(parts.second, 0, 59)) return false;
  if (parts.day === undefined || parts.month === undefined) return true;
  // Day 0 of the next month is the last day of this one, in UTC so no zone shifts it.
  const daysInMonth = new Date(Date.UTC(Number(parts.year), Number(parts.month), 0)).getUTCDate();
  return inRange(parts.day, 1, daysInMonth);
}

/** Converts an HL7 date or date-time to a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD); undefined when it is not one. */
export function toFhirDate(value: string): string | undefined {
  const parts = readDtm(value);
  if (!parts) return undefined;
  return [parts.year, parts.month, parts.day].filter((part) => part !== undefined).join("-");
}

/**
 * Converts an HL7 date-time to a FHIR dateTime. A time needs a zone in FHIR, so a time without
 * an offset is read as UTC.
 */
export function toFhirDateTime(value: string): string | undefined {
  // NOTE: HL7 reads a time without an offset as the sender's local time, which the message does
  // not name; UTC is a guess that can shift such times by the sender's offset.
  const parts = readDtm(value);
  if (!parts) return undefined;
  if (parts.hour === undefined || parts.day === undefined) return toFhirDate(value);
  return formatTime(parts);
}

/** Converts an HL7 date-time with at least a day to a FHIR instant, midnight UTC when it has no time. */
export function toFhirInstant(value: string): string | undefined {
  const parts = readDtm(value);
  if (!parts?.day || !parts.month) return undefined;
  return formatTime(parts);
}

function formatTime(parts: DtmParts): string {
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour ?? "00"}:${parts.minute ?? "00"}:${parts.second ?? "00"}${parts.fraction ?? ""}`;
  const zone = parts.offset ? `${parts.offset.slice(0, 3)}:${parts.offset.slice(3)}` : "Z";
  return `${date}T${time}${zone}`;
}
