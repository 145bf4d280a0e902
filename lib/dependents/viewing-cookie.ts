import { createHmac, timingSafeEqual } from "node:crypto";

/** Name of the cookie that remembers whose record a member is viewing. */
export const viewingCookieName = "lakeview-viewing";

/**
 * Builds the cookie value naming the dependent a member views: the Patient id and an HMAC-SHA256
 * over the account id and that Patient id, so a value copied from another account or edited by
 * hand fails `readViewingCookie`. The signature only proves the server set it: access is still
 * checked against coverage and age on every request.
 */
export function signViewingCookie(userId: string, patientId: string, secret: string): string {
  return `${patientId}.${signatureOf(userId, patientId, secret)}`;
}

/** Returns the Patient id from a viewing cookie set for this account, or null for any other value. */
export function readViewingCookie(value: string | undefined, userId: string, secret: string): string | null {
  const separator = value?.lastIndexOf(".") ?? -1;
  if (!value || separator <= 0) {
    return null;
  }

  const patientId = value.slice(0, separator);
  const received = Buffer.from(value.slice(separator + 1), "base64url");
  const expected = Buffer.from(signatureOf(userId, patientId, secret), "base64url");
  return received.length === expected.length && timingSafeEqual(received, expected) ? patientId : null;
}

function signatureOf(userId: string, patientId: string, secret: string): string {
  return createHmac("sha256", secret).update(`viewing:${userId}:${patientId}`).digest("base64url");
}
