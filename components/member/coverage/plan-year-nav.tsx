import { YearNav } from "@/components/ui/year-nav";

import { coverageStrings } from "./strings";

/**
 * Renders links to the current plan year and to each year the member has claims in, marking the
 * one shown. Renders nothing when there is no other year to open.
 */
export function PlanYearNav({ claimYears, requestedYear, shownYear }: { claimYears: number[]; requestedYear: number | undefined; shownYear: number }): React.ReactElement | null {
  if (claimYears.every((year) => year === shownYear) && requestedYear === undefined) {
    return null;
  }

  return <YearNav path="/member/coverage" years={claimYears} requestedYear={requestedYear} text={coverageStrings.spending} />;
}
