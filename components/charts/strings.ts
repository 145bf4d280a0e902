/** Text of the shared chart frame, in US English. */
export const chartStrings = {
  showTable: "Show these numbers as a table",
  notBuiltTitle: "Charts are not ready yet",
  notBuiltBody: "The numbers behind these charts are still being prepared. Check back in a few minutes.",
} as const;
