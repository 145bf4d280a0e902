import type { ContactMethod, LanguageCode } from "./profile-preferences";

/** The profile form's values as loaded from the member's Patient; empty text where none is recorded. */
export interface ProfileView {
  /** meta.versionId of the Patient the values come from, sent back on save as the If-Match version. */
  version: string;
  phone: string;
  email: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
  language: LanguageCode;
  contactMethod: ContactMethod;
  paperless: boolean;
}
