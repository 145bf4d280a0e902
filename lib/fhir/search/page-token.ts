import { FhirError } from "../fhir-error";

const TOKEN_PREFIX = "o";

/**
 * Encodes the position of a page as the opaque `_page` value of next and previous links. The
 * position is an offset into the result ordered by the sort keys and then by id, so a link names
 * the same page for as long as the matching resources do not change.
 */
export function encodePageToken(offset: number): string {
  return Buffer.from(`${TOKEN_PREFIX}${offset}`, "utf8").toString("base64url");
}

/** Decodes a `_page` value made by encodePageToken; anything else is an `invalid` error. */
export function decodePageToken(token: string): number {
  const text = Buffer.from(token, "base64url").toString("utf8");
  const offset = Number(text.slice(TOKEN_PREFIX.length));
  if (!text.startsWith(TOKEN_PREFIX) || !/^\d{1,9}$/.test(text.slice(TOKEN_PREFIX.length)) || !Number.isSafeInteger(offset)) {
    throw new FhirError("invalid", `Search parameter "_page" has a value this server did not issue; follow the next and previous links of a search Bundle unchanged.`);
  }
  return offset;
}
