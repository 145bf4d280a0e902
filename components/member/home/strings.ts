/** Text of the member home page's sections, in US English. A Spanish edition adds a sibling file. */
export const homeStrings = {
  locale: "en-US",
  careGapsHeading: "Open care gaps",
  noOpenCareGaps: "You have no open care gaps.",
  careGapLine: (title: string, status: string, dueDate: string): string => `${title}: ${status}, due by ${dueDate}`,
  careGapsLink: "See your care gaps",
  careGapsActLink: "See your care gaps and tell us about care you had elsewhere",
  spendingHeading: "This plan year's spending",
  chartLabel: (summary: string): string => `Bar chart of your spending toward your plan's limits. ${summary} The table below lists the same amounts.`,
  chartSummary: (who: string, limitName: string, spent: string, limit: string): string => `${who}, ${limitName}: ${spent} of ${limit}.`,
  axisAmount: (currency: string): string => `Amount (${currency})`,
  axisLimit: "Limit",
  seriesSpent: "Spent",
  seriesRemaining: "Left to meet",
  noSpendingTitle: "No spending to show yet",
  noSpendingBody:
    "We have no claims for this plan year and no deductible or out-of-pocket maximum for your plan. When your plan processes a claim, your spending shows up here.",
  coverageLink: "See your coverage, ID card and limits",
} as const;
