/** Returns the date `days` days before today as YYYY-MM-DD (UTC), the format of a date input. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
