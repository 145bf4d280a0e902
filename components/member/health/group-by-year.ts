import type { CalendarDate } from "@/lib/claims/parse-fhir-date";

/** Items of one calendar year, or of no known date when `year` is null. */
export interface YearGroup<T> {
  year: number | null;
  items: T[];
}

/** Groups items that are already in date order into runs of one year each, keeping their order. */
export function groupByYear<T>(items: T[], dateOf: (item: T) => CalendarDate | null): YearGroup<T>[] {
  const groups: YearGroup<T>[] = [];
  for (const item of items) {
    const year = dateOf(item)?.year ?? null;
    const last = groups.at(-1);
    if (last && last.year === year) {
      last.items.push(item);
    } else {
      groups.push({ year, items: [item] });
    }
  }
  return groups;
}
