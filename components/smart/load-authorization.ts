import "server-only";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { getSessionUser } from "@/lib/auth/get-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDatabase } from "@/lib/db/get-database";
import { parseAuthorizationRequest, toRedirectUrl, type AuthorizationRequest } from "@/lib/smart/parse-authorization-request";
import { getSmartEndpoints } from "@/lib/smart/smart-endpoints";

import { smartStrings } from "./strings";

/** An authorization request ready for consent, or the description of a request that cannot go back to the app. */
export type LoadedAuthorization = { kind: "valid"; request: AuthorizationRequest; user: SessionUser } | { kind: "invalid-client"; description: string };

/**
 * Checks an authorization request and the signed-in user, for both the consent page and its
 * action. Redirects back to the app with an OAuth error when the request is invalid, to the
 * sign-in page (returning here) when nobody is signed in, and to the app with access_denied when
 * a member account has no Patient to share.
 */
export async function loadAuthorization(query: URLSearchParams): Promise<LoadedAuthorization> {
  const db = await getDatabase();
  const result = await parseAuthorizationRequest(db, query, getSmartEndpoints(await requestOrigin()).fhirBaseUrl);
  if (result.kind === "invalid-client") {
    return result;
  }
  if (result.kind === "redirect-error") {
    redirect(toRedirectUrl(result.redirectUri, { error: result.error.code, error_description: result.error.message, state: result.state }));
  }

  const user = await getSessionUser();
  if (!user) {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/oauth/authorize?${query.toString()}`)}`);
  }
  if (user.role === "member" && user.patientId === null) {
    redirect(toRedirectUrl(result.request.redirectUri, { error: "access_denied", error_description: smartStrings.noRecordDescription, state: result.request.state }));
  }
  return { kind: "valid", request: result.request, user };
}

/** The origin the browser used, from the host headers Next passes to pages and actions. */
async function requestOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost";
  const protocol = list.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}
