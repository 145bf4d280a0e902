import { describe, expect, it } from "vitest";

import type { Actor } from "./actor";
import { CAPABILITIES, CAPABILITY_POLICY, PORTAL_CAPABILITIES, type Capability } from "./capability";
import { decideAccess, decideScopeCapability } from "./decide-access";
import { toActorScope } from "./to-actor-scope";

const member: Actor = { kind: "member", id: "u-member", patientId: "p-self", dependentIds: ["p-child"] };
const unlinkedMember: Actor = { kind: "member", id: "u-unlinked", patientId: null, dependentIds: [] };
const careManager: Actor = { kind: "care-manager", id: "u-cm", panelPatientIds: ["p-1", "p-2"] };
const admin: Actor = { kind: "admin", id: "u-admin" };
const system: Actor = { kind: "system", id: "client-1", resourceTypes: ["Patient", "Observation"], viaToken: true };
const memberToken: Actor = { ...member, dependentIds: [], resourceTypes: ["Observation"], viaToken: true };

function compartment(resourceType: string, ...patientIds: string[]): Parameters<typeof decideAccess>[1] {
  return { kind: "compartment", resourceType, patientIds };
}

describe("decideAccess: compartments", () => {
  it.each([
    ["member, own record", member, compartment("Observation", "p-self"), { allowed: true }],
    ["member, viewable dependent", member, compartment("Observation", "p-child"), { allowed: true }],
    ["member, another member", member, compartment("Observation", "p-other"), { allowed: false, status: "not-found", reason: "1 of the requested patients are outside the member's compartments." }],
    ["member, own and another", member, compartment("Patient", "p-self", "p-other"), { allowed: false, status: "not-found", reason: "1 of the requested patients are outside the member's compartments." }],
    ["unlinked member", unlinkedMember, compartment("Patient", "p-self"), { allowed: false, status: "not-found", reason: "1 of the requested patients are outside the member's compartments." }],
    ["care manager, panel patient", careManager, compartment("Condition", "p-2"), { allowed: true }],
    ["care manager, off panel", careManager, compartment("Condition", "p-3"), { allowed: false, status: "not-found", reason: "1 of the requested patients are outside the care-manager's compartments." }],
    ["admin, anyone", admin, compartment("Claim", "p-3"), { allowed: true }],
    ["system client, covered type", system, compartment("Observation", "p-3"), { allowed: true }],
    ["system client, type outside its scopes", system, compartment("Claim", "p-3"), { allowed: false, status: "not-found", reason: "Claim is outside the token's scopes." }],
    ["member token, own record", memberToken, compartment("Observation", "p-self"), { allowed: true }],
    ["member token, type outside its scopes", memberToken, compartment("Claim", "p-self"), { allowed: false, status: "not-found", reason: "Claim is outside the token's scopes." }],
    ["member token, dependent", memberToken, compartment("Observation", "p-child"), { allowed: false, status: "not-found", reason: "1 of the requested patients are outside the member's compartments." }],
  ])("%s", (_name, actor, request, expected) => {
    expect(decideAccess(actor, request)).toEqual(expected);
  });
});

describe("decideAccess: capabilities", () => {
  const sessions: Actor[] = [member, careManager, admin];

  it.each(CAPABILITIES.flatMap((capability) => sessions.map((actor) => [capability, actor.kind, actor] as const)))("%s for a %s session follows the table", (capability, kind, actor) => {
    const decision = decideAccess(actor, { kind: "capability", capability });

    expect(decision.allowed).toBe(CAPABILITY_POLICY[capability][kind] !== "forbidden");
  });

  it.each([...PORTAL_CAPABILITIES])("%s is refused to every access token", (capability) => {
    for (const actor of [{ ...admin, viaToken: true }, system, memberToken] satisfies Actor[]) {
      expect(decideAccess(actor, { kind: "capability", capability })).toMatchObject({ allowed: false, status: "forbidden" });
    }
  });

  it("refuses fhir.write to a token limited to some types", () => {
    expect(decideAccess(system, { kind: "capability", capability: "fhir.write" })).toMatchObject({ allowed: false, status: "forbidden" });
    expect(decideAccess({ ...system, resourceTypes: undefined }, { kind: "capability", capability: "fhir.write" })).toEqual({ allowed: true });
  });

  it("gives members and care managers the same rule for every FHIR capability", () => {
    const fhirCapabilities = CAPABILITIES.filter((capability) => !PORTAL_CAPABILITIES.has(capability));

    for (const capability of fhirCapabilities) {
      expect(CAPABILITY_POLICY[capability].member === "forbidden").toBe(CAPABILITY_POLICY[capability]["care-manager"] === "forbidden");
      expect(CAPABILITY_POLICY[capability].admin === "forbidden").toBe(CAPABILITY_POLICY[capability].system === "forbidden");
    }
  });
});

describe("decideScopeCapability", () => {
  it.each([
    [{ kind: "all" } as const, "export.bulk.system", true],
    [{ kind: "all" } as const, "fhir.write", true],
    [{ kind: "all", resourceTypes: ["Patient"] } as const, "fhir.write", false],
    [{ kind: "patients", patientIds: ["p-1"] } as const, "export.bulk.system", false],
    [{ kind: "patients", patientIds: ["p-1"] } as const, "export.bulk.patient", true],
    [{ kind: "patients", patientIds: ["p-1"] } as const, "fhir.write", false],
    [{ kind: "all" } as const, "analytics.sql", false],
  ] satisfies [Parameters<typeof decideScopeCapability>[0], Capability, boolean][])("%o with %s: %s", (scope, capability, allowed) => {
    expect(decideScopeCapability(scope, capability).allowed).toBe(allowed);
  });
});

describe("toActorScope", () => {
  it.each([
    ["member", member, { kind: "patients", patientIds: ["p-self", "p-child"] }],
    ["unlinked member", unlinkedMember, { kind: "patients", patientIds: [] }],
    ["care manager", careManager, { kind: "patients", patientIds: ["p-1", "p-2"], compartmentParams: { Coverage: ["beneficiary"] } }],
    ["admin", admin, { kind: "all" }],
    ["system client", system, { kind: "all", resourceTypes: ["Patient", "Observation"] }],
  ])("compiles a %s", (_name, actor, expected) => {
    expect(toActorScope(actor)).toEqual(expected);
  });
});
