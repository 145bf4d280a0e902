/** Text of the staff placeholder pages, in US English. */
export const staffStrings = {
  careTitle: "Care panel",
  adminTitle: "Administration",
  welcome: (name: string): string => `Welcome, ${name}`,
  careBody: "Your care panel arrives in a later release. Until then there is nothing to review here.",
  adminBody: "Administration tools arrive in a later release. Until then, create accounts with",
} as const;
