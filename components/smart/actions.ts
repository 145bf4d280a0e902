"use server";

import { redirect } from "next/navigation";

import { isFormData } from "@/lib/auth/is-form-data";
import { getDatabase } from "@/lib/db/get-database";
import { createAuthorizationCode } from "@/lib/smart/authorization-code";
import { toRedirectUrl } from "@/lib/smart/parse-authorization-request";

import { loadAuthorization } from "./load-authorization";
import { smartStrings } from "./strings";

/**
 * Records the member's decision on the consent page. The request is checked again from the form's
 * copy of the query, with the session, so a forged form gains nothing. Allow issues a
 * single-use code bound to the client, redirect_uri, PKCE challenge, user and patient; either
 * answer returns the member to the app.
 */
export async function decideAuthorization(formData: FormData): Promise<void> {
  const query = new URLSearchParams(isFormData(formData) ? String(formData.get("request") ?? "") : "");
  const loaded = await loadAuthorization(query);
  if (loaded.kind === "invalid-client") {
    redirect(`/oauth/authorize?${query.toString()}`);
  }
  const { request, user } = loaded;

  if (formData.get("decision") !== "allow") {
    redirect(toRedirectUrl(request.redirectUri, { error: "access_denied", error_description: smartStrings.deniedDescription, state: request.state }));
  }

  const code = await createAuthorizationCode(await getDatabase(), {
    clientId: request.client.id,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    userId: user.id,
    patientId: user.role === "member" ? user.patientId : null,
    scope: request.scopes.granted.join(" "),
  });
  redirect(toRedirectUrl(request.redirectUri, { code, state: request.state }));
}
