/** Converts a D8 (CCYYMMDD) date to a FHIR date; undefined when it is not one. */
export function toDate(value: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  // Date.parse accepts day 31 of any month, so the round trip also rejects 2026-02-30.
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}

/** Converts a DTP date by its format qualifier, D8 or RD8 (CCYYMMDD-CCYYMMDD), to a period. */
export function toPeriod(format: string, value: string): { start: string; end: string } | undefined {
  if (format === "D8") {
    const date = toDate(value);
    return date ? { start: date, end: date } : undefined;
  }
  const [from = "", to = ""] = value.split("-");
  const start = toDate(from);
  const end = toDate(to);
  return format === "RD8" && start && end ? { start, end } : undefined;
}

/** Converts an X12 decimal amount to a Money in USD; undefined when it is not a number. */
export function toMoney(value: string): { value: number; currency: "USD" } | undefined {
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(value) ? { value: Number(value), currency: "USD" } : undefined;
}
