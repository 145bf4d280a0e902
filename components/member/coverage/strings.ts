/**
 * Text of the coverage page, the ID card and the plan-year spending shown on the home page, in US
 * English. A Spanish edition adds a sibling file with the same keys.
 */
export const coverageStrings = {
  locale: "en-US",
  pageTitle: "Your coverage",
  heading: "Your coverage",
  viewedHeading: (name: string): string => `${name}'s coverage`,
  /** Stands in for the name of a viewed dependent whose record has none. */
  viewedWithoutName: "This member",
  loading: "Loading your coverage…",
  notAvailable: "Not available",
  you: "You",
  noCoverageTitle: "We don't have your coverage details",
  noCoverageBody:
    "Your claims name your plan, but we have no coverage record with your member ID, dates or limits. Member Services can send you a new ID card.",
  noPlanAtAll: "We don't have your plan details yet.",
  uncoveredYearTitle: (year: number): string => `No coverage on file for ${year}`,
  uncoveredYearBody: "None of the coverage we have on file was in force that year. The totals below add up any claims from that calendar year.",
  planFromClaimsLabel: "Plan named on your claims",

  card: {
    heading: "Member ID card",
    cardLabel: "Member ID card",
    memberName: "Member",
    memberId: "Member ID",
    groupNumber: "Group",
    plan: "Plan",
    network: "Network",
    effective: "Effective",
    costsHeading: "What you pay",
    print: "Print ID card",
    printHint: "Printing shows only the card.",
  },

  /** Member-facing names of coverage-copay-type codes; other entries show the plan's own text. */
  costNames: {
    gpvisit: "Primary care visit",
    spvisit: "Specialist visit",
    emergency: "Emergency room",
    urgentcare: "Urgent care",
    inpthosp: "Hospital stay",
    televisit: "Telehealth visit",
    copaypct: "Coinsurance after deductible",
  } as Record<string, string | undefined>,
  coinsurance: (percent: number): string => `${percent}%`,

  details: {
    heading: "Plan details",
    plan: "Plan",
    payer: "Insurer",
    group: "Employer group",
    network: "Network",
    status: "Status",
    period: "Coverage dates",
    periodOpen: (start: string): string => `${start} onward`,
    periodRange: (start: string, end: string): string => `${start} to ${end}`,
    relationship: "Your relationship to the subscriber",
    subscriberId: "Subscriber ID",
  },
  statuses: {
    active: "Active",
    cancelled: "Ended",
    draft: "Not yet active",
    "entered-in-error": "Not valid",
  } as Record<string, string | undefined>,

  members: {
    heading: "Who is on your plan",
    caption: "People covered under this subscription this plan year.",
    name: "Name",
    relationship: "Relationship to subscriber",
    subscriberMark: "Subscriber",
    unknownName: "Name not available",
  },
  relationships: {
    self: "Self (you are the subscriber)",
    spouse: "Spouse",
    child: "Child",
    parent: "Parent",
    common: "Domestic partner",
    other: "Other",
    injured: "Injured party",
  } as Record<string, string | undefined>,

  spending: {
    heading: "Plan year spending",
    planYear: (first: string, last: string): string => `Plan year ${first} to ${last}`,
    pastPlanYear: (first: string, last: string): string =>
      `Your coverage is not active today, so these are the totals of your last plan year, ${first} to ${last}.`,
    individual: "You",
    /** The row label when a subscriber views a dependent's record. */
    viewedIndividual: (name: string): string => name,
    viewedShortLabels: {
      deductible: (name: string): string => `${name}'s deductible`,
      outOfPocket: (name: string): string => `${name}'s out-of-pocket`,
    },
    family: (count: number): string => `Your family (${count} people)`,
    deductible: "Deductible",
    outOfPocket: "Out-of-pocket maximum",
    /** Labels of the home chart's bars, short enough for a phone screen. */
    shortLabels: {
      "individual-deductible": "Your deductible",
      "individual-out-of-pocket": "Your out-of-pocket",
      "family-deductible": "Family deductible",
      "family-out-of-pocket": "Family out-of-pocket",
    },
    spent: "Spent",
    limit: "Limit",
    remaining: "Left to meet",
    met: "Met",
    tableCaption: "What you have spent toward your deductible and out-of-pocket maximum this plan year.",
    progress: (spent: string, limit: string): string => `${spent} of ${limit}`,
    noLimitsTitle: "Your plan's limits aren't available",
    noLimitsBody:
      "We don't have your deductible or out-of-pocket maximum, so we can show only what you have spent. Your plan documents list your limits.",
    countedInNetwork: "Totals count in-network care, the only care that counts toward these limits.",
    outOfNetwork: (deductible: string, outOfPocket: string): string =>
      `Not counted: ${deductible} deductible and ${outOfPocket} cost sharing for out-of-network care, which has its own limits.`,
    unreadable: (count: number): string =>
      count === 1
        ? "One claim this plan year has no cost-sharing details we can read, so it is not in these totals."
        : `${count} claims this plan year have no cost-sharing details we can read, so they are not in these totals.`,
    fromClaims: "Limits are from your most recent claim.",
    deductibleNote: "Deductible: what you pay for covered care before your plan starts to share the cost.",
    outOfPocketNote:
      "Out-of-pocket maximum: once your deductible, copays and coinsurance reach it, your plan pays all covered in-network care for the rest of the plan year.",
    familyNote: "Family totals add up everyone on your plan and show no one's individual claims.",
    noClaims: "No claims have been processed for this plan year yet.",
    yearNavLabel: "Plan years with claims",
    currentYearLink: "Current plan year",
  },
} as const;
