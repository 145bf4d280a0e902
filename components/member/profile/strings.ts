import type { ProfileErrorCode } from "@/lib/profile/profile-form-schema";
import type { ContactMethod, LanguageCode } from "@/lib/profile/profile-preferences";

/** Text of the profile page, in US English. A Spanish edition adds a sibling file. */
export const profileStrings = {
  pageTitle: "Profile and preferences",
  heading: "Profile and preferences",
  dependentHeading: (name: string) => `${name}'s profile and preferences`,
  intro: "Keep your contact details current so we can reach you about your coverage and claims.",
  loading: "Loading your profile…",
  notRecorded: "Not recorded",
  readOnlyNote: "You can see this profile because it was shared with you. Only its owner can change it.",
  noPatientTitle: "No profile to show",
  noPatientBody: "Your account isn't linked to a member record yet. Call Member Services at the number on your ID card.",

  contactLegend: "Contact details",
  addressLegend: "Home address",
  preferencesLegend: "Communication preferences",
  labels: {
    phone: "Phone",
    email: "Email",
    line1: "Street address",
    line2: "Apartment, suite or unit (optional)",
    city: "City",
    state: "State",
    postalCode: "ZIP code",
    language: "Preferred language",
    contactMethod: "How should we contact you?",
    paperless: "Send my statements and plan notices by email instead of mail",
  },
  hints: {
    phone: "A US number, such as (602) 555-0123.",
    postalCode: "5 digits, or ZIP+4 such as 85004-1234.",
    paperless: "We email you when a statement is ready. You can switch back to paper at any time.",
  },
  languages: { en: "English", es: "Español (Spanish)", zh: "中文 (Chinese)", vi: "Tiếng Việt (Vietnamese)", nv: "Diné bizaad (Navajo)" } satisfies Record<LanguageCode, string>,
  contactMethods: { phone: "Phone call", text: "Text message", email: "Email", mail: "Mail" } satisfies Record<ContactMethod, string>,
  contactMethodFact: "Preferred contact",
  statePlaceholder: "Choose a state",

  save: "Save changes",
  saving: "Saving…",
  saved: "Your changes are saved.",
  fixErrors: (count: number) => `Check ${count === 1 ? "the field" : `the ${count} fields`} with an error message, then save again.`,
  conflict:
    "Your profile was changed in another window or device after you opened this page, so nothing was saved. Reload the page to see the latest details, then make your changes again.",
  recordChanged: "You switched to another person's record in another window, so nothing was saved. Reload the page and try again.",
  notAllowed: "You can't change this profile. Only its owner can change it.",
  reload: "Reload the page",
  failed: (reference: string) => `Your changes couldn't be saved. Please try again in a few minutes. If it keeps happening, call Member Services and give reference ${reference}.`,

  errors: {
    phoneInvalid: "Enter a 10-digit US phone number, such as (602) 555-0123.",
    emailInvalid: "Enter an email address such as name@example.com.",
    line1Missing: "Enter your street address.",
    lineTooLong: "Use 100 characters or fewer.",
    cityMissing: "Enter your city.",
    cityTooLong: "Use 60 characters or fewer.",
    stateInvalid: "Choose a state.",
    postalCodeInvalid: "Enter a 5-digit ZIP code, or ZIP+4 such as 85004-1234.",
    languageInvalid: "Choose a language from the list.",
    contactMethodInvalid: "Choose how we should contact you.",
    paperlessInvalid: "Check the box or leave it clear.",
    phoneNeededForContact: "Enter a phone number, or choose another way for us to contact you.",
    emailNeededForContact: "Enter an email address, or choose another way for us to contact you.",
    emailNeededForPaperless: "Enter an email address to get statements by email, or clear the email statements box.",
    versionMissing: "This form is out of date. Reload the page and try again.",
    valueInvalid: "Check this value.",
  } satisfies Record<ProfileErrorCode, string>,

  sharingHeading: "Who can see your health record",
  sharingIntro:
    "Because you are 13 or older, your health record is private. You can let the subscriber on your plan see your claims and health record, and stop sharing at any time.",
  sharedWith: (name: string) => `${name} can see your record.`,
  notSharedWith: (name: string) => `${name} can't see your record.`,
  share: (name: string) => `Share my record with ${name}`,
  stopSharing: (name: string) => `Stop sharing with ${name}`,
  someone: "The subscriber on your plan",
} as const;
