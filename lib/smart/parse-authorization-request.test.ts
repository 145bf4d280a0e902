import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { matchesRedirectUri } from "./matches-redirect-uri";
import { parseAuthorizationRequest, type AuthorizationRequestResult } from "./parse-authorization-request";
import { appClientId, appRedirectUri, loadSmartFixtures, testEndpoints } from "./smart-test-fixtures";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSmartFixtures(db);
});

afterAll(async () => {
  await db.close();
});

const validQuery = {
  response_type: "code",
  client_id: appClientId,
  redirect_uri: appRedirectUri,
  scope: "launch/patient openid fhirUser patient/ExplanationOfBenefit.rs patient/Coverage.read",
  state: "state-123",
  aud: testEndpoints.fhirBaseUrl,
  code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  code_challenge_method: "S256",
};

function parse(overrides: Record<string, string | undefined>): Promise<AuthorizationRequestResult> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...validQuery, ...overrides })) {
    if (value !== undefined) query.set(name, value);
  }
  return parseAuthorizationRequest(db, query, testEndpoints.fhirBaseUrl);
}

describe("parseAuthorizationRequest", () => {
  it("accepts a standalone launch with PKCE", async () => {
    const result = await parse({});

    expect(result.kind).toBe("valid");
    if (result.kind === "valid") {
      expect(result.request.client.id).toBe(appClientId);
      expect(result.request.state).toBe("state-123");
      expect(result.request.scopes.granted).toEqual(validQuery.scope.split(" "));
    }
  });

  it.each<[name: string, overrides: Record<string, string | undefined>, description: string]>([
    ["no client_id", { client_id: undefined }, "client_id is missing."],
    ["an unknown client_id", { client_id: "nobody" }, 'client_id "nobody" is not registered.'],
    ["no redirect_uri", { redirect_uri: undefined }, "redirect_uri is missing."],
    ["another redirect_uri", { redirect_uri: "https://attacker.test/callback.html" }, "redirect_uri is not registered for this client; it must match a registered value exactly."],
  ])("shows an error page for %s", async (_name, overrides, description) => {
    expect(await parse(overrides)).toEqual({ kind: "invalid-client", description });
  });

  it.each<[name: string, overrides: Record<string, string | undefined>, code: string, description: string]>([
    ["response_type token", { response_type: "token" }, "unsupported_response_type", "response_type must be code."],
    ["no state", { state: undefined }, "invalid_request", "state is missing; send an unguessable value and check it on the redirect."],
    ["plain PKCE", { code_challenge_method: "plain" }, "invalid_request", "code_challenge_method must be S256; this server requires PKCE with S256."],
    ["no PKCE", { code_challenge_method: undefined, code_challenge: undefined }, "invalid_request", "code_challenge_method must be S256; this server requires PKCE with S256."],
    ["a short code_challenge", { code_challenge: "abc" }, "invalid_request", "code_challenge must be the 43-character base64url SHA-256 of the code_verifier."],
    ["no aud", { aud: undefined }, "invalid_request", "aud must be this server's FHIR base URL, https://lakeview.test/fhir/R4."],
    ["another aud", { aud: "https://other.test/fhir/R4" }, "invalid_request", "aud must be this server's FHIR base URL, https://lakeview.test/fhir/R4."],
    ["no scope", { scope: undefined }, "invalid_scope", "scope is missing; request at least one scope, such as patient/*.rs."],
    ["a system scope", { scope: "system/*.rs" }, "invalid_scope", 'scope "system/*.rs" uses the system/ context; this grant allows only patient/ and user/ scopes.'],
    ["an unregistered write scope", { scope: "patient/Observation.cruds" }, "invalid_scope", 'scope "patient/Observation.cruds" is not registered for this client; request only scopes from its registration.'],
    ["an unregistered scope", { scope: "offline_access patient/*.rs" }, "invalid_scope", 'scope "offline_access" is not registered for this client; request only scopes from its registration.'],
  ])("redirects with an error for %s", async (_name, overrides, code, description) => {
    const result = await parse(overrides);

    expect(result.kind).toBe("redirect-error");
    if (result.kind === "redirect-error") {
      expect(result.redirectUri).toBe(appRedirectUri);
      expect(result.state).toBe(overrides.state === undefined && "state" in overrides ? null : "state-123");
      expect(result.error.code).toBe(code);
      expect(result.error.message).toBe(description);
    }
  });

  it("accepts aud with a trailing slash", async () => {
    expect((await parse({ aud: `${testEndpoints.fhirBaseUrl}/` })).kind).toBe("valid");
  });
});

describe("matchesRedirectUri", () => {
  const registered = ["http://127.0.0.1/callback.html", "https://app.example/cb"];

  it.each([
    ["http://127.0.0.1:4999/callback.html", true],
    ["http://127.0.0.1/callback.html", true],
    ["https://app.example/cb", true],
    ["https://app.example:8443/cb", false],
    ["https://app.example/cb?x=1", false],
    ["http://127.0.0.1:4999/other.html", false],
    ["http://127.0.0.1.attacker.test/callback.html", false],
    ["not a url", false],
  ])("%s is %s", (requested, expected) => {
    expect(matchesRedirectUri(registered, requested)).toBe(expected);
  });
});
