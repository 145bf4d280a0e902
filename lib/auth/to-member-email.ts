import { isUuid } from "./is-uuid";

/** Domain of the sign-in emails made up for imported patients; `.example` is reserved (RFC 2606). */
export const memberEmailDomain = "members.lakeview.example";

/** Maximum length of an email's local part, in characters (RFC 5321, section 4.5.3.1.1). */
const maxLocalPartLength = 64;

/** Maximum length of the name part, in characters, so emails stay short enough to type. */
const maxNameLength = 40;

/**
 * Makes a sign-in email for an imported patient from their name and Patient id, such as
 * "adan-portillo-22bbe238@members.lakeview.example". The id part is the first 8 hex digits of a
 * UUID, else the whole id in lower case with each run of "." and "-" made one "-", so demo ids
 * such as demo-pat-0001 keep distinct emails. Accents and apostrophes are dropped, so the local
 * part is plain ASCII, and the name part is cut to 40 characters, or fewer to keep the local part
 * within 64. Ids that differ only in case or punctuation, and same-name patients whose UUIDs share
 * the first 8 digits, still get one email, which createAccount then rejects as taken.
 */
export function toMemberEmail(name: string | null, patientId: string): string {
  const suffix = isUuid(patientId) ? patientId.slice(0, 8).toLowerCase() : toSlug(patientId);
  const nameRoom = Math.min(maxNameLength, maxLocalPartLength - suffix.length - 1);
  const namePart = (toSlug(name ?? "") || "member").slice(0, Math.max(nameRoom, 0)).replace(/-+$/, "");
  const localPart = [namePart, suffix].filter((part) => part.length > 0).join("-");
  return `${localPart}@${memberEmailDomain}`;
}

function toSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mark}/gu, "")
    .replace(/['’]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
