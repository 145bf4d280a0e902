import { isProfileErrorCode, profileFormSchema, type ProfileErrorCode, type ProfileField, type ProfileFormValues } from "./profile-form-schema";

/** Per field, the first error code it failed with. */
export type ProfileFieldErrors = Partial<Record<ProfileField, ProfileErrorCode>>;

export type ParsedProfileForm = { ok: true; values: ProfileFormValues } | { ok: false; errors: ProfileFieldErrors };

const fields: readonly ProfileField[] = [
  "phone", "email", "line1", "line2", "city", "state", "postalCode", "language", "contactMethod", "paperless", "version",
];

/**
 * Validates the submitted profile form. A field missing from the form data reads as empty text,
 * except the paperless checkbox, which browsers leave out when it is cleared.
 */
export function parseProfileForm(formData: FormData): ParsedProfileForm {
  const input: Record<string, string | undefined> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string") {
      input[field] = value;
    } else {
      input[field] = field === "paperless" ? undefined : "";
    }
  }

  const result = profileFormSchema.safeParse(input);
  if (result.success) {
    return { ok: true, values: result.data };
  }

  const errors: ProfileFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && isField(field) && errors[field] === undefined) {
      // Every rule in the schema sets a code as its message. zod's own text comes only from a rule
      // added without one, and the member then sees the general "valueInvalid" message.
      errors[field] = isProfileErrorCode(issue.message) ? issue.message : "valueInvalid";
    }
  }
  return { ok: false, errors };
}

function isField(name: string): name is ProfileField {
  return (fields as readonly string[]).includes(name);
}
