import type { MeasurementPeriod } from "../measure-evaluator";

/** Returns the calendar year of `today` (UTC) as a measurement period, the default for care gaps. */
export function calendarYearPeriod(today: Date = new Date()): MeasurementPeriod {
  const year = today.getUTCFullYear();
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}
