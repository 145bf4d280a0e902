/** Text of the SMART app consent page, in US English. */
export const smartStrings = {
  pageTitle: "Connect an app",
  consentTitle: "Allow an app to see your health plan data?",
  consentIntro: (appName: string) => `${appName} is asking to connect to your Lakeview account.`,
  staffIntro: "You are signed in as staff, so the app gets what your role allows in the portal, and nothing more.",
  scopesHeading: "If you allow it, the app can:",
  durationNote: "Access lasts one hour. Signing out of Lakeview ends it sooner.",
  allow: "Allow",
  deny: "Don't allow",
  errorTitle: "This app link doesn't work",
  errorBody: "The app sent an incomplete or unknown request, so Lakeview can't connect it. Contact the app's maker and include the details below.",
  errorDetails: "Details for the app's maker",
  deniedDescription: "The member did not allow access.",
  noRecordDescription: "The signed-in account has no member record to share.",
  readEverything: "Read and search all of your records: claims, coverage, and health history",
  readType: (label: string) => `Read your ${label}`,
  searchType: (label: string) => `Search your ${label}`,
  readSearchType: (label: string) => `Read and search your ${label}`,
  launchPatient: "Know which member record you chose",
  identity: "Know who you are (your name and account)",
  offlineAccess: "Keep access while you are away from the app, until the access expires",
} as const;

/** Plain names for resource types that members know under another word. */
export const resourceTypeLabels: Readonly<Record<string, string>> = {
  ExplanationOfBenefit: "claims",
  Coverage: "coverage",
  Patient: "profile",
  Condition: "conditions",
  Observation: "test results and measurements",
  Immunization: "immunizations",
  MedicationRequest: "prescriptions",
  AllergyIntolerance: "allergies",
  Procedure: "procedures",
  Encounter: "visits",
};
