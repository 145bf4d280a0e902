/** The earliest year accepted, a bound that keeps out typing mistakes such as 0202. */
const earliestYear = 1900;

/**
 * Reads the `year` query parameter of the coverage page: four digits from 1900 to next year.
 * Returns undefined for anything else, and the page then shows the current plan year.
 */
export function parseRequestedYear(value: string | string[] | undefined, now: Date): number | undefined {
  if (typeof value !== "string" || !/^\d{4}$/.test(value)) {
    return undefined;
  }
  const year = Number(value);
  return year >= earliestYear && year <= now.getUTCFullYear() + 1 ? year : undefined;
}
