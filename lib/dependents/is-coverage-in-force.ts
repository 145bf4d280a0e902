import type { Coverage } from "fhir/r4";

import { toDateRange } from "../fhir/date-range";

/**
 * Tells whether a Coverage is active and its period has not ended before `today`. A period
 * without an end is open. A period whose start is later than today counts as in force, so a
 * family can already switch between records in December for the plan year that begins in January.
 */
export function isCoverageInForce(coverage: Coverage, today: Date): boolean {
  if (coverage.status !== "active") {
    return false;
  }

  const end = coverage.period?.end;
  if (end === undefined) {
    return true;
  }
  const range = toDateRange(end);
  return range !== undefined && range.end.getTime() > today.getTime();
}
