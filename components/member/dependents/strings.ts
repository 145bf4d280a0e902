/** Text of the record switcher and the dependents page, in US English. A Spanish edition adds a sibling file. */
export const dependentsStrings = {
  pageTitle: "Family members",
  heading: "Family members on your plan",
  intro:
    "You can view the claims and health records of family members on your coverage who are under 13. Records of family members 13 and older are private unless they choose to share them with you from their own profile.",
  noDependents: "No one else is on your coverage.",
  listLabel: "Family members",
  unnamed: "Family member",
  viewRecord: (name: string) => `View ${name}'s record`,
  viewingNow: "You are viewing this record now.",
  sharedWithYou: "Shared with you",
  under13: "Under 13",
  private: "Private",
  privateNote: "Their record is private. They can share it with you from their own Lakeview profile.",
  loading: "Loading family members…",

  switcherLabel: "Whose record you are viewing",
  viewing: (name: string) => `Viewing: ${name}`,
  viewingSelf: "Viewing: your own record",
  backToOwn: "Back to my record",
  switchRecord: "Family members",
} as const;
