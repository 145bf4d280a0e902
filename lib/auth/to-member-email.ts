/** Domain of the sign-in emails made up for imported patients; `.example` is reserved (RFC 2606). */
export const memberEmailDomain = "members.lakeview.example";

/**
 * Makes a sign-in email for an imported patient from their name and the first 8 characters of
 * their Patient id, such as "adan-portillo-22bbe238@members.lakeview.example". Accents are
 * dropped and apostrophes removed, so the local part is plain ASCII.
 */
export function toMemberEmail(name: string | null, patientId: string): string {
  const slug = (name ?? "")
    .normalize("NFD")
    .replace(/\p{Mark}/gu, "")
    .replace(/['’]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  const idPrefix = patientId.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 8);
  const localPart = [slug || "member", idPrefix].filter((part) => part.length > 0).join("-");
  return `${localPart}@${memberEmailDomain}`;
}
