import type { ProfileFieldErrors } from "@/lib/profile/parse-profile-form";
import type { ProfileView } from "@/lib/profile/profile-view";

/** The form's values as text, the way the browser last sent them or the server last saved them. */
export type ProfileFormFields = Omit<ProfileView, "language" | "contactMethod"> & { language: string; contactMethod: string };

/** Result of the profile save action, which the form renders. */
export interface ProfileFormState {
  status: "idle" | "saved" | "invalid" | "conflict" | "record-changed" | "not-allowed" | "failed";
  /** The values the fields show after this submission. */
  fields: ProfileFormFields;
  errors: ProfileFieldErrors;
  /** Error reference for "failed", to quote to Member Services. */
  reference?: string;
  /** Counts submissions, so a repeated message is a new node that screen readers announce again. */
  submissions: number;
}
