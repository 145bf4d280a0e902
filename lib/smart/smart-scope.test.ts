import { describe, expect, it } from "vitest";

import { OAuthError } from "./oauth-error";
import { allowsInteraction, parseSmartScopes } from "./smart-scope";

function interactionsOf(scope: string): string[] {
  return parseSmartScopes(scope).resources.map((resource) => `${resource.context}/${resource.resourceType}:${[...resource.interactions].join("")}`);
}

describe("parseSmartScopes", () => {
  it.each([
    ["patient/*.read", ["patient/*:rs"]],
    ["patient/*.write", ["patient/*:cud"]],
    ["user/Observation.*", ["user/Observation:cruds"]],
    ["patient/ExplanationOfBenefit.rs", ["patient/ExplanationOfBenefit:rs"]],
    ["patient/Coverage.r", ["patient/Coverage:r"]],
    ["system/*.cruds", ["system/*:cruds"]],
    ["system/Patient.cud", ["system/Patient:cud"]],
    ["patient/Coverage.r patient/Coverage.r", ["patient/Coverage:r"]],
  ])("reads %s", (scope, expected) => {
    expect(interactionsOf(scope)).toEqual(expected);
  });

  it("reads the launch and identity scopes", () => {
    const parsed = parseSmartScopes("launch/patient openid fhirUser offline_access patient/*.rs");

    expect(parsed.launchPatient).toBe(true);
    expect(parsed.openid).toBe(true);
    expect(parsed.fhirUser).toBe(true);
    expect(parsed.offlineAccess).toBe(true);
    expect(parsed.granted).toEqual(["launch/patient", "openid", "fhirUser", "offline_access", "patient/*.rs"]);
  });

  it.each([
    ["", "scope is missing; request at least one scope, such as patient/*.rs."],
    ["   ", "scope is missing; request at least one scope, such as patient/*.rs."],
    [
      "launch",
      'scope "launch" is not a SMART scope; use context/Type.permissions such as patient/Observation.rs or patient/*.read, or one of launch/patient, openid, fhirUser, offline_access.',
    ],
    [
      "practitioner/*.read",
      'scope "practitioner/*.read" is not a SMART scope; use context/Type.permissions such as patient/Observation.rs or patient/*.read, or one of launch/patient, openid, fhirUser, offline_access.',
    ],
    [
      "patient/Observation",
      'scope "patient/Observation" is not a SMART scope; use context/Type.permissions such as patient/Observation.rs or patient/*.read, or one of launch/patient, openid, fhirUser, offline_access.',
    ],
    ["patient/Observation.sr", 'scope "patient/Observation.sr" has permissions "sr"; use read, write or * (SMART v1), or the letters c, r, u, d, s in that order (SMART v2).'],
    ["patient/Observation.rr", 'scope "patient/Observation.rr" has permissions "rr"; use read, write or * (SMART v1), or the letters c, r, u, d, s in that order (SMART v2).'],
    ["patient/Observation.x", 'scope "patient/Observation.x" has permissions "x"; use read, write or * (SMART v1), or the letters c, r, u, d, s in that order (SMART v2).'],
    ["patient/Spaceship.rs", 'scope "patient/Spaceship.rs" names Spaceship, which this server does not serve; see the CapabilityStatement at /metadata for the served types.'],
    [
      "patient/Observation.rs?category=laboratory",
      'scope "patient/Observation.rs?category=laboratory" has a search restriction (?category=laboratory); this server does not support restricted scopes, so drop the part from "?".',
    ],
  ])("rejects %j", (scope, description) => {
    const parse = (): unknown => parseSmartScopes(scope);

    expect(parse).toThrow(OAuthError);
    expect(parse).toThrow(expect.objectContaining({ code: "invalid_scope", message: description }));
  });
});

describe("allowsInteraction", () => {
  it("matches wildcards and exact types", () => {
    const scopes = parseSmartScopes("patient/*.r patient/Coverage.s");

    expect(allowsInteraction(scopes, "Observation", "r")).toBe(true);
    expect(allowsInteraction(scopes, "Observation", "s")).toBe(false);
    expect(allowsInteraction(scopes, "Coverage", "s")).toBe(true);
    expect(allowsInteraction(scopes, "Coverage", "c")).toBe(false);
  });
});
