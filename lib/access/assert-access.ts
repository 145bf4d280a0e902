import { FhirError } from "../fhir/fhir-error";
import type { AccessScope } from "../fhir/search/access-scope";
import type { Actor } from "./actor";
import type { Capability } from "./capability";
import { decideAccess, decideScopeCapability, type AccessRequest } from "./decide-access";

/**
 * Throws FhirError "not-found" or "forbidden" unless the policy allows the request. `notFoundMessage`
 * replaces the policy's reason on a not-found, so a caller can send the same message it sends for
 * data that does not exist.
 */
export function assertAccess(actor: Actor, request: AccessRequest, notFoundMessage?: string): void {
  const decision = decideAccess(actor, request);
  if (decision.allowed) return;
  throw new FhirError(decision.status, decision.status === "not-found" ? (notFoundMessage ?? decision.reason) : decision.reason);
}

/** Throws FhirError "forbidden" unless the policy grants `capability` to a caller with this compiled scope. */
export function assertScopeCapability(scope: AccessScope, capability: Capability): void {
  const decision = decideScopeCapability(scope, capability);
  if (!decision.allowed) throw new FhirError(decision.status, decision.reason);
}
