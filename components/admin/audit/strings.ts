/** Text of the admin audit search, in US English. */
export const auditStrings = {
  pageTitle: "Audit trail",
  heading: "Audit trail",
  intro: "Every read or change of member health data in the portal or the FHIR API, newest first. Times are UTC.",
  filtersLegend: "Filter events",
  labels: { patient: "Patient id", from: "From (YYYY-MM-DD)", to: "To (YYYY-MM-DD)", outcome: "Outcome" },
  outcomes: { any: "Any", allowed: "Allowed", denied: "Denied or failed" },
  search: "Search",
  caption: "Audit events",
  columns: { when: "When (UTC)", who: "Who", event: "Event", patients: "Patients", outcome: "Outcome", address: "Address" },
  outcomeLabels: { "0": "Allowed", "4": "Denied", "8": "Failed" } as Record<string, string>,
  none: "No events match these filters.",
  previous: "Newer",
  next: "Older",
  pagerLabel: "Audit trail pages",
  pageStatus: (page: number) => `Page ${page}`,
  invalid: "Fix the highlighted filter and search again.",
} as const;
