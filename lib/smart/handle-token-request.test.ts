import { createHash } from "node:crypto";

import { generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { verifyAccessToken } from "./access-token";
import { createAuthorizationCode } from "./authorization-code";
import { handleTokenRequest, type TokenResponse } from "./handle-token-request";
import {
  appClientId,
  appRedirectUri,
  backendClientId,
  backendClientSecret,
  loadSmartFixtures,
  signClientAssertion,
  testEndpoints,
  testTokenKey,
  type SmartFixtures,
} from "./smart-test-fixtures";
import { jwtBearerAssertionType } from "./verify-client-assertion";

let db: Database;
let fixtures: SmartFixtures;

const verifier = "a-verifier-that-is-long-enough-for-rfc-7636-section-4-1-rules";
const challenge = createHash("sha256").update(verifier).digest("base64url");

beforeAll(async () => {
  db = await openTestDatabase();
  fixtures = await loadSmartFixtures(db);
});

afterAll(async () => {
  await db.close();
});

function requestToken(form: Record<string, string>, now?: Date, authorization: string | null = null): Promise<TokenResponse> {
  return handleTokenRequest(new URLSearchParams(form), {
    db,
    authorization,
    tokenUrl: testEndpoints.tokenUrl,
    fhirBaseUrl: testEndpoints.fhirBaseUrl,
    issuer: testEndpoints.origin,
    key: testTokenKey,
    now,
  });
}

async function issueCode(now?: Date, overrides: { patientId?: string | null } = {}): Promise<string> {
  return createAuthorizationCode(
    db,
    {
      clientId: appClientId,
      redirectUri: appRedirectUri,
      codeChallenge: challenge,
      userId: fixtures.memberA,
      patientId: overrides.patientId === undefined ? "pat-ana" : overrides.patientId,
      scope: "launch/patient patient/*.rs",
    },
    now,
  );
}

function codeForm(code: string, overrides: Record<string, string> = {}): Record<string, string> {
  return { grant_type: "authorization_code", code, redirect_uri: appRedirectUri, client_id: appClientId, code_verifier: verifier, ...overrides };
}

async function backendForm(overrides: Record<string, string> = {}, assertionOptions: Parameters<typeof signClientAssertion>[1] = { kid: fixtures.backendKid }): Promise<Record<string, string>> {
  return {
    grant_type: "client_credentials",
    client_assertion_type: jwtBearerAssertionType,
    client_assertion: await signClientAssertion(fixtures.backendKey, assertionOptions),
    scope: "system/*.rs",
    ...overrides,
  };
}

describe("token endpoint: authorization_code", () => {
  it("exchanges a code for a token carrying the patient", async () => {
    const response = await requestToken(codeForm(await issueCode()));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 3600, scope: "launch/patient patient/*.rs", patient: "pat-ana" });
    const claims = await verifyAccessToken(String(response.body.access_token), { key: testTokenKey, issuer: testEndpoints.origin, audience: testEndpoints.fhirBaseUrl });
    expect(claims).toMatchObject({ sub: fixtures.memberA, client_id: appClientId, patient: "pat-ana", grant: "authorization_code" });
  });

  it("leaves patient out for a staff user's code", async () => {
    const response = await requestToken(codeForm(await issueCode(undefined, { patientId: null })));

    expect(response.status).toBe(200);
    expect(response.body.patient).toBeUndefined();
  });

  it("accepts a code once only", async () => {
    const code = await issueCode();

    const first = await requestToken(codeForm(code));
    const second = await requestToken(codeForm(code));

    expect(first.status).toBe(200);
    expect(second).toEqual({ status: 400, body: { error: "invalid_grant", error_description: "code is invalid or was already used; start the authorization again." } });
  });

  it("rejects a code after 60 seconds", async () => {
    const issuedAt = new Date(Date.now() - 61_000);
    const code = await issueCode(issuedAt);

    const response = await requestToken(codeForm(code));

    expect(response).toEqual({ status: 400, body: { error: "invalid_grant", error_description: "code expired; codes are valid for 60 seconds, so exchange it at once." } });
  });

  it("spends a code on a failed attempt", async () => {
    const code = await issueCode();

    await requestToken(codeForm(code, { code_verifier: "x".repeat(43) }));
    const retry = await requestToken(codeForm(code));

    expect(retry.body.error).toBe("invalid_grant");
  });

  it.each<[name: string, overrides: Record<string, string>, status: number, body: Record<string, string>]>([
    ["wrong verifier", { code_verifier: "y".repeat(43) }, 400, { error: "invalid_grant", error_description: "code_verifier does not match the code_challenge (S256) of the authorization request." }],
    ["short verifier", { code_verifier: "short" }, 400, { error: "invalid_grant", error_description: "code_verifier does not match the code_challenge (S256) of the authorization request." }],
    ["plain verifier", { code_verifier: challenge }, 400, { error: "invalid_grant", error_description: "code_verifier does not match the code_challenge (S256) of the authorization request." }],
    ["other redirect_uri", { redirect_uri: "http://127.0.0.1:5000/callback.html" }, 400, { error: "invalid_grant", error_description: "redirect_uri differs from the one in the authorization request; send the same value." }],
    ["missing code_verifier", { code_verifier: "" }, 400, { error: "invalid_request", error_description: "code_verifier is missing." }],
    ["missing redirect_uri", { redirect_uri: "" }, 400, { error: "invalid_request", error_description: "redirect_uri is missing." }],
    ["missing client_id", { client_id: "" }, 400, { error: "invalid_request", error_description: "client_id is missing." }],
    ["unknown client_id", { client_id: "nobody" }, 401, { error: "invalid_client", error_description: 'client_id "nobody" is not registered.' }],
    ["confidential client_id", { client_id: backendClientId }, 401, { error: "invalid_client", error_description: 'client_id "test-backend" is confidential; authenticate with client_assertion or HTTP Basic.' }],
  ])("rejects %s", async (_name, overrides, status, body) => {
    const response = await requestToken(codeForm(await issueCode(), overrides));

    expect(response).toEqual({ status, body });
  });

  it("rejects a code after the member signed out", async () => {
    const user = await db.prisma.user.create({ data: { email: "signed-out@lakeview.test", name: "Signed out", passwordHash: "x", role: "member", patientId: "pat-cruz" } });
    const code = await createAuthorizationCode(db, { clientId: appClientId, redirectUri: appRedirectUri, codeChallenge: challenge, userId: user.id, patientId: "pat-cruz", scope: "patient/*.rs" });

    await db.prisma.user.update({ where: { id: user.id }, data: { sessionsValidAfter: new Date(Date.now() + 1) } });
    const response = await requestToken(codeForm(code));

    expect(response).toEqual({ status: 400, body: { error: "invalid_grant", error_description: "code was revoked because the account signed out after approving it; start the authorization again." } });
  });

  it("rejects a code issued to another client", async () => {
    const code = await createAuthorizationCode(db, { clientId: "other-app", redirectUri: appRedirectUri, codeChallenge: challenge, userId: fixtures.memberA, patientId: "pat-ana", scope: "patient/*.rs" });

    const response = await requestToken(codeForm(code));

    expect(response).toEqual({ status: 400, body: { error: "invalid_grant", error_description: "code was issued to another client_id." } });
  });
});

describe("token endpoint: grant_type", () => {
  it.each([
    [{}, 400, { error: "invalid_request", error_description: "grant_type is missing; send authorization_code or client_credentials." }],
    [{ grant_type: "password" }, 400, { error: "unsupported_grant_type", error_description: 'grant_type "password" is not supported; send authorization_code or client_credentials.' }],
  ])("rejects %j", async (form, status, body) => {
    expect(await requestToken(form)).toEqual({ status, body });
  });
});

describe("token endpoint: client_credentials", () => {
  it("issues a system token for a valid assertion", async () => {
    const response = await requestToken(await backendForm());

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 3600, scope: "system/*.rs" });
  });

  it("rejects a replayed jti", async () => {
    const form = await backendForm();

    const first = await requestToken(form);
    const replay = await requestToken(form);

    expect(first.status).toBe(200);
    expect(replay).toEqual({
      status: 401,
      body: { error: "invalid_client", error_description: "client_assertion jti was used before; sign a new assertion with a fresh jti for each request." },
    });
  });

  it("rejects an assertion signed with an unregistered key", async () => {
    const { privateKey } = await generateKeyPair("ES384");
    const form = await backendForm({ client_assertion: await signClientAssertion(privateKey, { kid: fixtures.backendKid }) });

    const response = await requestToken(form);

    expect(response).toEqual({ status: 401, body: { error: "invalid_client", error_description: "client_assertion signature does not verify with any key registered for the client." } });
  });

  it("rejects an ES256 assertion", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const form = await backendForm({ client_assertion: await signClientAssertion(privateKey, { kid: fixtures.backendKid, alg: "ES256" }) });

    const response = await requestToken(form);

    expect(response).toEqual({ status: 401, body: { error: "invalid_client", error_description: "client_assertion must be signed with RS384 or ES384." } });
  });

  it.each<[name: string, claims: Record<string, unknown>, expiresIn: number | undefined, description: string]>([
    ["wrong aud", { aud: "https://elsewhere.test/token" }, undefined, "client_assertion aud must be the token endpoint, https://lakeview.test/oauth/token."],
    ["wrong sub", { sub: "someone-else" }, undefined, "client_assertion sub is invalid; iss and sub must both be the client_id."],
    ["missing jti", { jti: undefined }, undefined, "client_assertion has no jti; set iss and sub to the client_id, aud, exp and a unique jti."],
    ["expired", {}, -60, "client_assertion expired; sign a new one for each token request."],
    ["exp too far ahead", {}, 3600, "client_assertion exp is more than 300 seconds ahead; sign assertions that expire within 5 minutes."],
    ["unknown iss", { iss: "nobody" }, undefined, "client_assertion names a client_id with no registered keys; register the client's JWKS first."],
    ["public client as iss", { iss: appClientId, sub: appClientId }, undefined, "client_assertion names a client_id with no registered keys; register the client's JWKS first."],
  ])("rejects an assertion with %s", async (_name, claims, expiresInSeconds, description) => {
    const form = await backendForm({}, { kid: fixtures.backendKid, claims, expiresInSeconds });

    const response = await requestToken(form);

    expect(response).toEqual({ status: 401, body: { error: "invalid_client", error_description: description } });
  });

  it.each([
    [{ client_assertion_type: "urn:other" }, "client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer."],
    [{ client_assertion: "" }, "client_assertion is missing; send a JWT signed with the client's registered key."],
    [{ client_assertion: "not-a-jwt" }, "client_assertion is not a JWT."],
  ])("rejects form %j", async (overrides, description) => {
    const response = await requestToken(await backendForm(overrides));

    expect(response).toEqual({ status: 401, body: { error: "invalid_client", error_description: description } });
  });

  it.each([
    ["patient/*.rs", 'scope "patient/*.rs" uses the patient/ context; this grant allows only system/ scopes.'],
    ["system/*.cruds", 'scope "system/*.cruds" is not registered for this client; request only scopes from its registration.'],
    ["openid", 'scope "openid" is not registered for this client; request only scopes from its registration.'],
  ])("rejects scope %s", async (scope, description) => {
    const response = await requestToken(await backendForm({ scope }));

    expect(response).toEqual({ status: 400, body: { error: "invalid_scope", error_description: description } });
  });
});

describe("token endpoint: client_secret_basic", () => {
  function basic(clientId: string, secret: string): string {
    const encode = (value: string): string => encodeURIComponent(value).replaceAll("%20", "+");
    return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString("base64")}`;
  }

  it("issues a system token for the right secret", async () => {
    const response = await requestToken({ grant_type: "client_credentials", scope: "system/*.rs" }, undefined, basic(backendClientId, backendClientSecret));

    expect(response.status).toBe(200);
    expect(response.body.scope).toBe("system/*.rs");
  });

  it.each([
    ["a wrong secret", basic(backendClientId, "wrong")],
    ["an unknown client", basic("nobody", backendClientSecret)],
    ["a client without a secret", basic(appClientId, "anything")],
    ["no separator", `Basic ${Buffer.from("no-separator").toString("base64")}`],
    ["bad percent-encoding", `Basic ${Buffer.from(`${backendClientId}:%E0%A4%A`).toString("base64")}`],
  ])("rejects %s", async (_name, authorization) => {
    const response = await requestToken({ grant_type: "client_credentials", scope: "system/*.rs" }, undefined, authorization);

    expect(response).toEqual({ status: 401, body: { error: "invalid_client", error_description: "HTTP Basic client authentication failed; check the client_id and client secret." } });
  });

  it("rejects client_credentials for a public client", async () => {
    const response = await requestToken({ grant_type: "client_credentials", client_id: appClientId, scope: "system/*.rs" });

    expect(response).toEqual({
      status: 400,
      body: { error: "unauthorized_client", error_description: 'client_id "test-app" is public; client_credentials needs a confidential client with a registered key or secret.' },
    });
  });
});
