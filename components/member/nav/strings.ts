/** Text of the member navigation, in US English. A Spanish edition adds a sibling file. */
export const memberNavStrings = {
  label: "Your plan",
  links: {
    home: "Home",
    claims: "Claims",
    coverage: "Coverage",
    spending: "Spending",
    health: "Health record",
    careGaps: "Care gaps",
    profile: "Profile",
  },
} as const;
