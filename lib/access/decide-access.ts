import type { AccessScope } from "../fhir/search/access-scope";
import type { Actor } from "./actor";
import { CAPABILITY_POLICY, PORTAL_CAPABILITIES, type Capability } from "./capability";

/** What an actor asks for: a named capability, or data in the Patient compartments of some patients. */
export type AccessRequest =
  | { kind: "capability"; capability: Capability }
  | {
      kind: "compartment";
      /** The type of the resource read or written; a token's scopes must cover it. */
      resourceType: string;
      /** The patients whose compartments hold the data; all of them must be reachable. */
      patientIds: readonly string[];
    };

/**
 * The policy's answer. A refusal of patient data is "not-found", so a caller cannot tell a
 * patient they may not see from one that does not exist. A refused capability is "forbidden",
 * because which capabilities exist is no secret.
 */
export type AccessDecision = { allowed: true } | { allowed: false; status: "not-found" | "forbidden"; reason: string };

const allowed: AccessDecision = { allowed: true };

/** Decides one request of one actor by the policy table and the actor's reachable patients. */
export function decideAccess(actor: Actor, request: AccessRequest): AccessDecision {
  return request.kind === "capability" ? decideCapability(actor, request.capability) : decideCompartment(actor, request.resourceType, request.patientIds);
}

/** Lists the patients whose compartments the actor reaches, or "all" for admins and backend clients. */
export function listReachablePatients(actor: Actor): readonly string[] | "all" {
  switch (actor.kind) {
    case "member":
      return actor.patientId === null ? [] : [actor.patientId, ...actor.dependentIds];
    case "care-manager":
      return actor.panelPatientIds;
    case "admin":
    case "system":
      return "all";
  }
}

/**
 * Decides a FHIR-layer capability from a compiled AccessScope, for code that holds the scope and
 * not the actor (the FHIR REST handlers, bulk export). A scope over some patients is decided as
 * a member's, and a scope over all as an admin's: the table gives members and care managers the
 * same rule for every non-portal capability, and admins and backend clients too.
 */
export function decideScopeCapability(scope: AccessScope, capability: Capability): AccessDecision {
  const actor: Actor =
    scope.kind === "all"
      ? { kind: "admin", id: "scope", resourceTypes: scope.resourceTypes, viaToken: true }
      : { kind: "member", id: "scope", patientId: null, dependentIds: [], resourceTypes: scope.resourceTypes, viaToken: true };
  return decideCapability(actor, capability);
}

function decideCapability(actor: Actor, capability: Capability): AccessDecision {
  if (actor.viaToken && PORTAL_CAPABILITIES.has(capability)) {
    return { allowed: false, status: "forbidden", reason: `${capability} is a portal capability, and an access token cannot hold it; sign in to the portal.` };
  }
  if (capability === "fhir.write" && actor.resourceTypes !== undefined) {
    return { allowed: false, status: "forbidden", reason: "Writes need a token whose scopes grant create, update or delete on every type (a `*` scope)." };
  }
  if (CAPABILITY_POLICY[capability][actor.kind] === "forbidden") {
    return { allowed: false, status: "forbidden", reason: `${capability} is not granted to the ${actor.kind} role.` };
  }
  return allowed;
}

function decideCompartment(actor: Actor, resourceType: string, patientIds: readonly string[]): AccessDecision {
  if (actor.resourceTypes !== undefined && !actor.resourceTypes.includes(resourceType)) {
    return { allowed: false, status: "not-found", reason: `${resourceType} is outside the token's scopes.` };
  }
  const reachable = listReachablePatients(actor);
  if (reachable === "all") return allowed;

  const outside = patientIds.filter((patientId) => !reachable.includes(patientId));
  if (outside.length > 0) {
    return { allowed: false, status: "not-found", reason: `${outside.length} of the requested patients are outside the ${actor.kind}'s compartments.` };
  }
  return allowed;
}
