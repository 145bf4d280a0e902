const monthFormat = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** Writes a "YYYY-MM" month as members read it: "Mar 2026". */
export function formatMonthLabel(month: string): string {
  const [year = 1970, monthNumber = 1] = month.split("-").map(Number);
  return monthFormat.format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}
