import type { CareGapStatus } from "@/lib/care-gaps/care-gap-view";
import type { GapReportErrorCode } from "@/lib/care-gaps/parse-gap-report";
import { diastolicRange, hba1cRange, systolicRange } from "@/lib/care-gaps/report-value-ranges";

/** Plain-language text about one measure's care gap. `from` is the earliest date that counts, already formatted. */
export interface MeasureContent {
  title: string;
  whatItIs: string;
  whyItMatters: string;
  closesWhen: (from: string) => string;
}

/** The values and limit a field error carries, already formatted for the member. */
export interface ErrorDetails {
  value: string;
  limit: string;
}

/**
 * Text of the care gaps page and its actions, in US English, with the content per measure. A
 * Spanish edition adds a sibling file with the same keys.
 */
export const careGapsStrings = {
  locale: "en-US",
  pageTitle: "Care gaps",
  heading: "Care gaps",
  intro:
    "Care gaps are screenings, tests and vaccines that your plan's records show are due. If you already had one done somewhere we don't have records from, tell us and a care manager will check it.",
  loading: "Loading your care gaps…",
  noPatientTitle: "No care gaps to show",
  noPatientBody: "Your account isn't linked to a member record yet. Call Member Services at the number on your ID card.",
  viewOnlyNote: "This record was shared with you to view. Only its owner can report on these care gaps or ask for help.",
  openHeading: "Open care gaps",
  closedHeading: "Closed care gaps",
  noOpenGaps: "You have no open care gaps. We check your record for the screenings, tests and vaccines your plan tracks and list anything due here.",
  noClosedGaps: "No care gaps are closed yet this year.",

  measures: {
    "lakeview-cms125": {
      title: "Breast cancer screening",
      whatItIs: "A mammogram, an X-ray of the breasts.",
      whyItMatters: "A mammogram can find breast cancer before you can feel a lump, when it is easiest to treat.",
      closesWhen: (from) => `A mammogram in the last 27 months: on or after ${from}.`,
    },
    "lakeview-cms130": {
      title: "Colorectal cancer screening",
      whatItIs: "A colonoscopy, which checks your colon for cancer and for growths that can turn into cancer.",
      whyItMatters: "Removing growths early prevents cancer, and cancer found early is easier to treat.",
      closesWhen: (from) => `A colonoscopy in the last 10 years: on or after ${from}.`,
    },
    "lakeview-cms124": {
      title: "Cervical cancer screening",
      whatItIs: "A Pap test, which checks the cervix for changes that can lead to cancer.",
      whyItMatters: "Regular Pap tests find changes years before they could become cancer.",
      closesWhen: (from) => `A Pap test in the last 3 years: on or after ${from}.`,
    },
    "lakeview-cms122": {
      title: "Diabetes: HbA1c test",
      whatItIs: "An HbA1c blood test, which shows your average blood sugar over the past 3 months.",
      whyItMatters: "Keeping your HbA1c at 9% or lower protects your eyes, kidneys, nerves and heart from damage by diabetes.",
      closesWhen: (from) => `An HbA1c test this year (on or after ${from}) with a result of 9% or lower.`,
    },
    "lakeview-cms165": {
      title: "Blood pressure control",
      whatItIs: "A blood pressure reading at a visit with your doctor.",
      whyItMatters: "Blood pressure below 140/90 lowers your risk of heart attack, stroke and kidney disease.",
      closesWhen: (from) => `Your latest blood pressure reading this year (on or after ${from}) below 140/90.`,
    },
    "lakeview-cms131": {
      title: "Diabetes: eye exam",
      whatItIs: "An eye exam that checks the back of your eyes (the retina), with drops or a photo.",
      whyItMatters: "Diabetes can damage your eyes before you notice any change; finding it early can save your sight.",
      closesWhen: (from) => `An eye exam by an eye doctor on or after ${from}.`,
    },
    "lakeview-cms147": {
      title: "Flu vaccine",
      whatItIs: "A flu shot or nasal spray for this flu season.",
      whyItMatters: "The vaccine lowers your chance of getting the flu and of getting very sick from it.",
      closesWhen: (from) => `A flu vaccine on or after ${from}.`,
    },
  } satisfies Record<string, MeasureContent>,
  /** Text for a measure the plan tracks that this file has no content for yet. */
  otherMeasure: (title: string): MeasureContent => ({
    title,
    whatItIs: "A screening, test or vaccine that your plan tracks.",
    whyItMatters: "Your care manager can explain what it is and help you get it done.",
    closesWhen: () => "Ask for help to find out what closes this care gap.",
  }),

  whatItIsLabel: "What it is",
  whyItMattersLabel: "Why it matters",
  closesWhenLabel: "What counts",
  dueLabel: "Due by",
  statusLabel: "Status",
  statuses: {
    open: "Open",
    "pending-review": "Reported, pending review",
    accepted: "Report accepted",
    rejected: "Report not accepted",
    closed: "Closed",
  } satisfies Record<CareGapStatus, string>,
  reportedOn: (date: string) => `You reported this on ${date}. A care manager will review it.`,
  acceptedDetail: "A care manager accepted your report. This care gap closes when we next update your record.",
  rejectedWithReason: (reason: string) => `Your care manager's reason: ${reason}`,
  rejectedWithoutReason: "Your care manager couldn't accept your report. Call Member Services to find out why.",
  reportAgain: "You can report it again with corrected details.",
  helpRequested: "You asked for help. A care manager will contact you.",

  reportToggle: "I had this done elsewhere",
  reportLegend: (title: string) => `Report ${title.toLowerCase()} done elsewhere`,
  dateLabel: "Date it was done",
  dateHint: (earliest: string, latest: string) => `Between ${earliest} and ${latest}.`,
  placeLabel: "Where (optional)",
  placeHint: "The clinic, lab or pharmacy.",
  hba1cLabel: "HbA1c result (%)",
  hba1cHint: "The number on your lab report, such as 6.8.",
  systolicLabel: "Top number (systolic)",
  diastolicLabel: "Bottom number (diastolic)",
  systolicHint: "In mm Hg, such as 128 in a reading of 128/82.",
  diastolicHint: "In mm Hg, such as 82 in a reading of 128/82.",
  send: "Send my report",
  sending: "Sending…",
  askForHelp: "Ask for help",
  askingForHelp: "Sending…",

  outcomes: {
    reported: "Thank you. We got your report, and a care manager will review it.",
    helpRequested: "We got your request. A care manager will contact you.",
    fixErrors: (count: number) => `Check ${count === 1 ? "the field" : `the ${count} fields`} with an error message, then send again.`,
    notFound: "We couldn't find this care gap on the record you're viewing. Reload the page to see the current care gaps.",
    closed: "This care gap is already closed, so there is nothing to report.",
    alreadyReported: "You already reported this. A care manager will review it.",
    alreadyRequested: "You already asked for help with this. A care manager will contact you.",
    notReportable: "This care gap can't be reported online. Ask for help and a care manager will contact you.",
    notAllowed: "You can't report on or ask for help with the care gaps of this record.",
    recordChanged: "You switched to another person's record in another window, so nothing was sent. Reload the page and try again.",
    failed: (reference: string) => `Your request couldn't be sent. Please try again in a few minutes. If it keeps happening, call Member Services and give reference ${reference}.`,
  },

  errors: {
    dateMissing: () => "Enter the date you had it done.",
    dateInvalid: ({ value }) => `"${value}" isn't a date. Enter the date as month, day and year.`,
    dateInFuture: ({ value, limit }) => `${value} is after today. Enter a date on or before ${limit}.`,
    dateAfterPeriod: ({ value, limit }) => `${value} is after this care gap's period ended. Enter a date on or before ${limit}.`,
    dateBeforeWindow: ({ value, limit }) => `${value} is too long ago to count. Enter a date on or after ${limit}, or ask for help if this was your latest one.`,
    placeTooLong: ({ limit }) => `Use ${limit} characters or fewer.`,
    placeSpecialCharacters: () => "Remove the special characters from the place.",
    hba1cMissing: () => "Enter your HbA1c result.",
    hba1cInvalid: ({ value }) => `"${value}" isn't a result we can read. Enter a number with at most one decimal, such as 6.8.`,
    hba1cOutOfRange: ({ value }) => `${value}% is outside what an HbA1c test measures. Check the number on your lab report; results are between ${hba1cRange.min} and ${hba1cRange.max}.`,
    systolicMissing: () => "Enter the top number of your blood pressure.",
    systolicInvalid: ({ value }) => `"${value}" isn't a whole number. Enter the top number only, such as 128.`,
    systolicOutOfRange: ({ value }) => `${value} is outside the range of a blood pressure reading. Check the top number; it is between ${systolicRange.min} and ${systolicRange.max}.`,
    diastolicMissing: () => "Enter the bottom number of your blood pressure.",
    diastolicInvalid: ({ value }) => `"${value}" isn't a whole number. Enter the bottom number only, such as 82.`,
    diastolicOutOfRange: ({ value }) => `${value} is outside the range of a blood pressure reading. Check the bottom number; it is between ${diastolicRange.min} and ${diastolicRange.max}.`,
    diastolicNotBelowSystolic: ({ value, limit }) => `The bottom number (${value}) must be lower than the top number (${limit}). Check that they aren't swapped.`,
  } satisfies Record<GapReportErrorCode, (details: ErrorDetails) => string>,
} as const;
