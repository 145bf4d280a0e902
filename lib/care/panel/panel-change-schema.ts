import { z } from "zod";

/** Adding a patient to, or removing one from, a care manager's panel. */
export const panelChangeSchema = z.object({
  careManagerId: z.uuid({ error: "must be the id of a care manager account" }),
  patientId: z.string({ error: "is missing" }).regex(/^[A-Za-z0-9.-]{1,64}$/, { error: "must be a FHIR id: 1 to 64 letters, digits, dots or hyphens" }),
  change: z.enum(["add", "remove"], { error: 'must be "add" or "remove"' }),
});
