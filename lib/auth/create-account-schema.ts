import { z } from "zod";

/** Minimum password length, in characters. */
export const minPasswordLength = 12;

/** Maximum password length, in characters, so one sign-in attempt cannot make Argon2 hash megabytes. */
export const maxPasswordLength = 256;

const patientIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9\-.]{1,64}$/, {
    error: (issue) => `Patient id ${JSON.stringify(issue.input)} is not a FHIR id; use 1 to 64 letters, digits, "-" or ".".`,
  });

/** Input of createAccount; email is trimmed and lowercased so sign-in matches it in any case. */
export const createAccountSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: (issue) => `Email ${JSON.stringify(issue.input)} is not a valid email address; use one like name@example.org.` })),
    name: z
      .string()
      .trim()
      .min(1, { error: "Name is empty; give the name shown in the portal header." })
      .max(200, { error: "Name is longer than 200 characters; shorten it." }),
    password: z
      .string()
      .min(minPasswordLength, {
        error: (issue) =>
          `Password is ${String(issue.input).length} characters long; use at least ${minPasswordLength}.`,
      })
      .max(maxPasswordLength, { error: `Password is longer than ${maxPasswordLength} characters; use a shorter one.` }),
    role: z.enum(["member", "care_manager", "admin"], {
      error: (issue) => `Role ${JSON.stringify(issue.input)} is not one of member, care_manager or admin.`,
    }),
    patientId: patientIdSchema.optional(),
    panelPatientIds: z.array(patientIdSchema).optional(),
  })
  .superRefine((input, context) => {
    if (input.role === "member" && !input.patientId) {
      context.addIssue({
        code: "custom",
        path: ["patientId"],
        message: "A member account needs a patientId; pass the id of the member's Patient resource.",
      });
    }
    if (input.role !== "member" && input.patientId) {
      context.addIssue({
        code: "custom",
        path: ["patientId"],
        message: `patientId is only for member accounts, and this one has role ${input.role}; leave it out.`,
      });
    }
    if (input.role !== "care_manager" && input.panelPatientIds && input.panelPatientIds.length > 0) {
      context.addIssue({
        code: "custom",
        path: ["panelPatientIds"],
        message: `panelPatientIds is only for care_manager accounts, and this one has role ${input.role}; leave it out.`,
      });
    }
  });

/** Input of createAccount, before validation. */
export type CreateAccountInput = z.input<typeof createAccountSchema>;
