import { YearNav } from "@/components/ui/year-nav";

import { spendingStrings } from "./strings";

/** Renders links to the current plan year and to each year the member has claims in, marking the one shown. */
export function SpendingYearNav({ claimYears, requestedYear }: { claimYears: number[]; requestedYear: number | undefined }): React.ReactElement | null {
  if (claimYears.length === 0) {
    return null;
  }

  return <YearNav path="/member/spending" years={claimYears} requestedYear={requestedYear} text={spendingStrings} />;
}
