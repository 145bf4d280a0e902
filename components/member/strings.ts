import type { ClaimType } from "@/lib/claims/claim-summary";

/**
 * Text of the member pages, in US English. A Spanish edition adds a sibling file with the same
 * keys.
 */
export const memberStrings = {
  locale: "en-US",
  pageTitle: "Home",
  greeting: (name: string): string => `Welcome, ${name}`,
  greetingWithoutName: "Welcome",
  /** The home heading when a subscriber views a dependent's record. */
  viewedHeading: (name: string): string => `${name}'s plan and claims`,
  viewedWithoutName: "This member's plan and claims",
  planHeading: "Your plan",
  planLabel: "Plan",
  payerLabel: "Insurer",
  planUnknown: "Not available",
  /** Words for the kinds of plan that Synthea data names in place of a plan name. */
  planKinds: {
    private: "Private insurance",
    medicare: "Medicare",
    medicaid: "Medicaid",
    dual_eligible: "Medicare and Medicaid",
    no_insurance: "No insurance",
  } as Record<string, string | undefined>,
  noPlan: "We don't have your plan details yet.",
  coverageLink: "Your coverage and ID card",
  claimsHeading: "Recent claims",
  claimsCaption: (count: number): string =>
    count === 1 ? "Your most recent claim." : `Your ${count} most recent claims, newest first.`,
  columns: {
    serviceDate: "Date of service",
    provider: "Provider",
    claimType: "Type",
    billed: "Billed",
    youOwe: "You owe",
  },
  unknownProvider: "Unknown provider",
  unknownDate: "Date not available",
  notAvailable: "Not available",
  billedFromLines: (amount: string): string => `${amount} (added up from the services)`,
  atLeast: (amount: string): string => `At least ${amount}`,
  atLeastNote:
    "“At least” means part of the claim has no cost-sharing details yet, so you may owe more. Your plan's statement shows the final amount.",
  canceled: "Canceled",
  canceledNote:
    "A canceled claim was withdrawn or reversed by your plan. If your provider sent a corrected claim, that claim shows what you owe.",
  totalsMismatchMarker: "*",
  totalsMismatchMarkerLabel: "Why the billed amount is not available",
  totalsMismatchNote:
    "This claim's total doesn't match the services listed on it, so we can't show the billed amount. Your plan's statement shows the correct amount.",
  claimTypes: {
    professional: "Doctor or clinician",
    institutional: "Hospital or facility",
    pharmacy: "Pharmacy",
    oral: "Dental",
    vision: "Vision",
    other: "Other",
  } satisfies Record<ClaimType, string>,
  noClaimsTitle: "No claims yet",
  noClaimsBody: "When your plan processes a claim for your care, it shows up here.",
  noPatientTitle: "Your health plan records aren't linked yet",
  noPatientBody:
    "We couldn't find the plan records for your account, so there is nothing to show here yet. Please contact Member Services to link your account.",
} as const;
