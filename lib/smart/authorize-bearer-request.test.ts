import type { Bundle } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import type { FhirResponse } from "../fhir/rest/fhir-request";
import { sendFhirRequest } from "../fhir/rest/fhir-test-client";
import { SUPPORTED_RESOURCE_TYPES } from "../fhir/rest/supported-resource-types";
import type { AccessScope } from "../fhir/search/access-scope";
import { signAccessToken, type AccessTokenClaims } from "./access-token";
import { authorizeBearerRequest, type BearerAuthorization } from "./authorize-bearer-request";
import { appClientId, backendClientId, loadSmartFixtures, testEndpoints, testTokenKey, type SmartFixtures } from "./smart-test-fixtures";

let db: Database;
let fixtures: SmartFixtures;

const verifyOptions = { key: testTokenKey, issuer: testEndpoints.origin, audience: testEndpoints.fhirBaseUrl };

beforeAll(async () => {
  db = await openTestDatabase();
  fixtures = await loadSmartFixtures(db);
});

afterAll(async () => {
  await db.close();
});

function memberToken(scope = "launch/patient patient/*.rs", overrides: Partial<AccessTokenClaims> = {}, signing: { key?: Uint8Array; audience?: string; now?: Date } = {}): Promise<string> {
  return signAccessToken(
    { sub: fixtures.memberA, client_id: appClientId, scope, patient: "pat-ana", grant: "authorization_code", ...overrides },
    { key: signing.key ?? testTokenKey, issuer: testEndpoints.origin, audience: signing.audience ?? testEndpoints.fhirBaseUrl, now: signing.now },
  );
}

function systemToken(scope: string): Promise<string> {
  return signAccessToken({ sub: backendClientId, client_id: backendClientId, scope, grant: "client_credentials" }, { key: testTokenKey, issuer: testEndpoints.origin, audience: testEndpoints.fhirBaseUrl });
}

function authorize(token: string, method = "GET", path: string[] = ["Observation"]): Promise<BearerAuthorization> {
  return authorizeBearerRequest(db, `Bearer ${token}`, { method, path }, verifyOptions);
}

async function scopeOf(token: string, method = "GET", path: string[] = ["Observation"]): Promise<AccessScope> {
  const result = await authorize(token, method, path);
  if (result.kind !== "allowed") throw new Error(`expected an allowed request, got ${result.kind}`);
  return result.scope;
}

function entryIds(bundle: unknown): string[] {
  return ((bundle as Bundle).entry ?? []).map((entry) => `${entry.resource?.resourceType}/${entry.resource?.id}`).sort();
}

describe("authorizeBearerRequest: token validation", () => {
  it.each<[name: string, token: () => Promise<string>, description: string]>([
    ["bad signature", () => memberToken(undefined, {}, { key: new Uint8Array(32).fill(9) }), "The access token's signature is invalid; request a new token from this server."],
    ["expired", () => memberToken(undefined, {}, { now: new Date(Date.now() - 3601_000) }), "The access token expired; request a new one."],
    ["wrong aud", () => memberToken(undefined, {}, { audience: "https://other.test/fhir/R4" }), "The access token was issued for another server; request one with aud=https://lakeview.test/fhir/R4."],
    ["garbage", () => Promise.resolve("not.a.token"), "The access token is malformed or was not issued by this server; request a new one."],
    ["deleted user", () => memberToken(undefined, { sub: "00000000-0000-4000-8000-000000000000" }), "The access token was revoked because the account signed out or was removed; authorize the app again."],
    ["patient not the member's", () => memberToken(undefined, { patient: "pat-ben" }), "The access token's patient is no longer linked to the account; authorize the app again."],
  ])("rejects %s", async (_name, token, description) => {
    expect(await authorize(await token())).toEqual({ kind: "invalid-token", description });
  });

  it("rejects a header without the Bearer scheme", async () => {
    const result = await authorizeBearerRequest(db, `Basic ${Buffer.from("a:b").toString("base64")}`, { method: "GET", path: ["Patient"] }, verifyOptions);

    expect(result).toEqual({ kind: "invalid-token", description: 'The Authorization header must be "Bearer" followed by an access token from this server\'s token endpoint.' });
  });

  it("rejects a token issued before the member signed out", async () => {
    const user = await db.prisma.user.create({ data: { email: "revoked@lakeview.test", name: "Revoked", passwordHash: "x", role: "member", patientId: "pat-cruz" } });
    const token = await signAccessToken(
      { sub: user.id, client_id: appClientId, scope: "patient/*.rs", patient: "pat-cruz", grant: "authorization_code" },
      { key: testTokenKey, issuer: testEndpoints.origin, audience: testEndpoints.fhirBaseUrl, now: new Date(Date.now() - 10_000) },
    );
    const before = await authorize(token);

    await db.prisma.user.update({ where: { id: user.id }, data: { sessionsValidAfter: new Date() } });
    const after = await authorize(token);

    expect(before.kind).toBe("allowed");
    expect(after).toEqual({ kind: "invalid-token", description: "The access token was revoked because the account signed out or was removed; authorize the app again." });
  });

  it("rejects a system token of a removed client", async () => {
    await db.prisma.oauthClient.create({ data: { id: "gone-backend", name: "Gone", clientType: "confidential", redirectUris: [], allowedScopes: ["system/*.rs"] } });
    const token = await signAccessToken({ sub: "gone-backend", client_id: "gone-backend", scope: "system/*.rs", grant: "client_credentials" }, { key: testTokenKey, issuer: testEndpoints.origin, audience: testEndpoints.fhirBaseUrl });

    await db.prisma.oauthClient.delete({ where: { id: "gone-backend" } });

    expect(await authorize(token)).toEqual({ kind: "invalid-token", description: "The client this token was issued to is no longer registered." });
  });
});

describe("authorizeBearerRequest: scopes to AccessScope", () => {
  it("limits a member token to the token's patient, read-only", async () => {
    expect(await scopeOf(await memberToken("patient/*.rs"))).toEqual({ kind: "patients", patientIds: ["pat-ana"], resourceTypes: SUPPORTED_RESOURCE_TYPES });
  });

  it("limits a member token to the scoped types", async () => {
    const token = await memberToken("patient/ExplanationOfBenefit.rs patient/Coverage.read", {});

    expect(await scopeOf(token, "GET", ["Coverage"])).toEqual({ kind: "patients", patientIds: ["pat-ana"], resourceTypes: ["Coverage", "ExplanationOfBenefit"] });
  });

  it("gives a care manager their panel", async () => {
    const token = await memberToken("user/*.rs", { sub: fixtures.careManager, patient: undefined });

    expect(await scopeOf(token)).toEqual({ kind: "patients", patientIds: ["pat-cruz"], compartmentParams: { Coverage: ["beneficiary"] }, resourceTypes: SUPPORTED_RESOURCE_TYPES });
  });

  it("keeps an admin token read-only without write scopes", async () => {
    const token = await memberToken("user/*.rs", { sub: fixtures.admin, patient: undefined });

    expect(await scopeOf(token)).toEqual({ kind: "all", resourceTypes: SUPPORTED_RESOURCE_TYPES });
  });

  it("gives an unlinked member the directory only", async () => {
    const token = await memberToken("user/*.rs", { sub: fixtures.unlinkedMember, patient: undefined });

    expect(await scopeOf(token)).toEqual({ kind: "patients", patientIds: [], resourceTypes: SUPPORTED_RESOURCE_TYPES });
  });

  it("gives a system/*.rs token everything, read-only", async () => {
    expect(await scopeOf(await systemToken("system/*.rs"))).toEqual({ kind: "all", resourceTypes: SUPPORTED_RESOURCE_TYPES });
  });

  it("lets a system/*.cruds token write", async () => {
    expect(await scopeOf(await systemToken("system/*.cruds"), "POST", ["Observation"])).toEqual({ kind: "all", resourceTypes: undefined });
  });
});

describe("authorizeBearerRequest: interactions outside the scopes", () => {
  it.each<[scope: string, method: string, path: string[], missing: string, description: string]>([
    ["patient/Observation.rs", "GET", ["Patient", "pat-ana"], "patient/Patient.r", "The access token's scopes do not allow read on Patient; authorize with patient/Patient.r (SMART v2) or patient/Patient.read (SMART v1)."],
    ["patient/Observation.r", "GET", ["Observation"], "patient/Observation.s", "The access token's scopes do not allow search on Observation; authorize with patient/Observation.s (SMART v2) or patient/Observation.read (SMART v1)."],
    ["patient/Observation.s", "GET", ["Observation", "obs-a1c-day"], "patient/Observation.r", "The access token's scopes do not allow read on Observation; authorize with patient/Observation.r (SMART v2) or patient/Observation.read (SMART v1)."],
    ["patient/*.rs", "POST", ["Observation"], "patient/Observation.c", "The access token's scopes do not allow create on Observation; authorize with patient/Observation.c (SMART v2) or patient/Observation.write (SMART v1)."],
    ["patient/*.rs", "PUT", ["Observation", "obs-a1c-day"], "patient/Observation.u", "The access token's scopes do not allow update on Observation; authorize with patient/Observation.u (SMART v2) or patient/Observation.write (SMART v1)."],
    ["patient/*.rs", "DELETE", ["Observation", "obs-a1c-day"], "patient/Observation.d", "The access token's scopes do not allow delete on Observation; authorize with patient/Observation.d (SMART v2) or patient/Observation.write (SMART v1)."],
  ])("%s cannot %s %j", async (scope, method, path, missingScope, description) => {
    expect(await authorize(await memberToken(scope), method, path)).toEqual({ kind: "insufficient-scope", missingScope, description });
  });

  it("rejects a batch from a token that writes some types only", async () => {
    const result = await authorize(await systemToken("system/*.rs system/Patient.cud"), "POST", []);

    expect(result).toEqual({
      kind: "insufficient-scope",
      missingScope: "system/*.cud",
      description: "A batch or transaction with this token needs system/*.cud, because its scopes allow writes to some types only.",
    });
  });

  it("lets a system/Patient.cud token create a Patient but not an Observation", async () => {
    const token = await systemToken("system/*.rs system/Patient.cud");

    expect((await authorize(token, "POST", ["Patient"])).kind).toBe("allowed");
    expect((await authorize(token, "POST", ["Observation"])).kind).toBe("insufficient-scope");
  });

  it("allows metadata with any valid token", async () => {
    expect((await authorize(await memberToken("patient/Coverage.r"), "GET", ["metadata"])).kind).toBe("allowed");
  });

  it.each([
    ["GET", ["bulk-status", "job-1"]],
    ["DELETE", ["bulk-status", "job-1"]],
    ["GET", ["bulk-files", "job-1", "Patient-1.ndjson"]],
  ])("allows %s %j with a system token that names no type", async (method, path) => {
    const token = await systemToken("system/Patient.rs");

    expect(await authorize(token, method, path)).toEqual({
      kind: "allowed",
      scope: expect.anything(),
      callerId: `client:${backendClientId}`,
      agents: [{ kind: "client", id: backendClientId, display: "Test backend" }],
    });
  });

  it("names the member token's caller by user and app", async () => {
    const result = await authorize(await memberToken());

    expect(result).toMatchObject({ kind: "allowed", callerId: `user:${fixtures.memberA}:client:${appClientId}` });
  });
});

describe("patient token for A against B's data", () => {
  async function asTokenA(url: string): Promise<FhirResponse> {
    const token = await memberToken("launch/patient patient/*.rs");
    const path = url.split("?")[0]?.split("/") ?? [];
    const scope = await scopeOf(token, "GET", path);
    return sendFhirRequest(db, url, { scope });
  }

  it.each(["Patient/pat-ben", "Observation/obs-bp", "Observation/obs-bp/_history", "Observation/obs-bp/_history/1"])("GET %s is 404", async (url) => {
    expect((await asTokenA(url)).status).toBe(404);
  });

  it.each<[url: string, expected: string[]]>([
    ["Patient", ["Patient/pat-ana"]],
    ["Observation?subject=Patient/pat-ben", []],
    ["Observation?_id=obs-bp", []],
    ["Observation?subject:Patient.name=ben", []],
    ["Patient?_has:Observation:subject:code=8480-6", []],
    ["Patient?_id=pat-ben&_revinclude=Observation:subject", []],
    ["Observation?_id=obs-bp&_include=Observation:subject", []],
    ["Patient?_id=pat-ana&_revinclude:iterate=Observation:subject&_include:iterate=Observation:performer", expect.not.arrayContaining(["Patient/pat-ben"]) as unknown as string[]],
  ])("GET %s returns only A's data", async (url, expected) => {
    const response = await asTokenA(url);

    expect(response.status).toBe(200);
    expect(entryIds(response.body)).toEqual(expected);
    expect(entryIds(response.body).some((id) => id === "Patient/pat-ben" || id === "Observation/obs-bp")).toBe(false);
  });

  it("reads A's own Patient", async () => {
    expect((await asTokenA("Patient/pat-ana")).status).toBe(200);
  });

  it("sees nothing of a type the token does not cover, even by _include", async () => {
    const token = await memberToken("patient/Patient.rs");
    const scope = await scopeOf(token, "GET", ["Patient"]);

    const response = await sendFhirRequest(db, "Patient?_id=pat-ana&_revinclude=Observation:subject", { scope });

    expect(entryIds(response.body)).toEqual(["Patient/pat-ana"]);
  });
});
