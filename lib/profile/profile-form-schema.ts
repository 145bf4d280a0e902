import { z } from "zod";

import { contactMethods, languageOptions, usStateCodes } from "./profile-preferences";

/**
 * Codes of the messages a profile field can fail with. The form shows the member-facing text
 * for each code from its strings file, so a translated edition needs no change here.
 */
export const profileErrorCodes = [
  "phoneInvalid",
  "emailInvalid",
  "line1Missing",
  "lineTooLong",
  "cityMissing",
  "cityTooLong",
  "line1SpecialCharacters",
  "line2SpecialCharacters",
  "citySpecialCharacters",
  "stateInvalid",
  "postalCodeInvalid",
  "languageInvalid",
  "contactMethodInvalid",
  "paperlessInvalid",
  "phoneNeededForContact",
  "emailNeededForContact",
  "emailNeededForPaperless",
  "versionMissing",
  "valueInvalid",
] as const;
export type ProfileErrorCode = (typeof profileErrorCodes)[number];

/** Tells whether a zod issue message is one of the profile error codes. */
export function isProfileErrorCode(text: string): text is ProfileErrorCode {
  return (profileErrorCodes as readonly string[]).includes(text);
}

const maxLineLength = 100;
const maxCityLength = 60;
/** RFC 5321 limits a forward path to 256 octets, which leaves 254 for the address itself. */
const maxEmailLength = 254;

/**
 * Normalizes a US phone number to "(602) 555-0123". Accepts 10 digits with any of "()-. "
 * between them and an optional +1 or 1 in front; returns null for anything else, including area
 * and exchange codes starting with 0 or 1, which the North American Numbering Plan never assigns.
 */
export function normalizeUsPhone(text: string): string | null {
  if (!/^[\d\s().+-]+$/.test(text)) {
    return null;
  }
  const digits = text.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "");
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) {
    return null;
  }
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

const trimmed = z.string().trim();

const phoneField = trimmed.transform((text, context) => {
  if (text === "") return "";
  const phone = normalizeUsPhone(text);
  if (phone === null) {
    context.addIssue({ code: "custom", message: "phoneInvalid" satisfies ProfileErrorCode });
    return z.NEVER;
  }
  return phone;
});

const emailField = trimmed.pipe(z.union([z.literal(""), z.email({ message: "emailInvalid" }).max(maxEmailLength, { message: "emailInvalid" })]));

const message = (code: ProfileErrorCode): { message: ProfileErrorCode } => ({ message: code });

/**
 * Control characters other than tab, carriage return and line feed (C0, DEL and C1). Nobody
 * types them into an address, and PostgreSQL cannot read a NUL character out of stored JSON.
 */
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Builds a free-text field that rejects control characters with the given code. */
const plainText = (code: ProfileErrorCode) => trimmed.refine((text) => !controlCharacter.test(text), message(code));

/**
 * The profile form as the server action receives it: every field a string from FormData, the
 * paperless checkbox "on" or absent, and the Patient version the form was loaded with.
 */
export const profileFormSchema = z
  .object({
    phone: phoneField,
    email: emailField,
    line1: plainText("line1SpecialCharacters").pipe(z.string().min(1, message("line1Missing")).max(maxLineLength, message("lineTooLong"))),
    line2: plainText("line2SpecialCharacters").pipe(z.string().max(maxLineLength, message("lineTooLong"))),
    city: plainText("citySpecialCharacters").pipe(z.string().min(1, message("cityMissing")).max(maxCityLength, message("cityTooLong"))),
    state: trimmed.toUpperCase().pipe(z.enum(usStateCodes, message("stateInvalid"))),
    postalCode: trimmed.regex(/^\d{5}(-\d{4})?$/, message("postalCodeInvalid")),
    language: z.enum(languageOptions.map((option) => option.code), message("languageInvalid")),
    contactMethod: z.enum(contactMethods, message("contactMethodInvalid")),
    paperless: z.literal("on", message("paperlessInvalid")).optional().transform((value) => value === "on"),
    version: trimmed.regex(/^\d+$/, message("versionMissing")),
  })
  .superRefine((values, context) => {
    const needsPhone = values.contactMethod === "phone" || values.contactMethod === "text";
    if (needsPhone && values.phone === "") {
      context.addIssue({ code: "custom", path: ["phone"], message: "phoneNeededForContact" satisfies ProfileErrorCode });
    }
    if (values.contactMethod === "email" && values.email === "") {
      context.addIssue({ code: "custom", path: ["email"], message: "emailNeededForContact" satisfies ProfileErrorCode });
    }
    if (values.paperless && values.email === "") {
      context.addIssue({ code: "custom", path: ["email"], message: "emailNeededForPaperless" satisfies ProfileErrorCode });
    }
  });

/** The validated profile form. */
export type ProfileFormValues = z.output<typeof profileFormSchema>;

/** A form field that can carry an error. */
export type ProfileField = keyof z.input<typeof profileFormSchema>;
