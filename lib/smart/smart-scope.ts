import { isSupportedResourceType } from "../fhir/rest/supported-resource-types";
import { OAuthError } from "./oauth-error";

/** The SMART v2 interaction letters: create, read, update, delete, search. */
export type ScopeInteraction = "c" | "r" | "u" | "d" | "s";

/** Whose data a resource scope covers: the launch patient's, the user's, or any (backend services). */
export type ScopeContext = "patient" | "user" | "system";

/** One resource scope such as `patient/Observation.rs`, with v1 forms expanded to v2 letters. */
export interface ResourceScope {
  context: ScopeContext;
  /** A resource type, or "*" for every type. */
  resourceType: string;
  interactions: ReadonlySet<ScopeInteraction>;
}

/** A parsed `scope` parameter. */
export interface SmartScopes {
  /** The scope strings as requested, in order, without duplicates. */
  granted: string[];
  resources: ResourceScope[];
  launchPatient: boolean;
  openid: boolean;
  fhirUser: boolean;
  offlineAccess: boolean;
}

const v1Interactions: Record<string, ScopeInteraction[]> = {
  read: ["r", "s"],
  write: ["c", "u", "d"],
  "*": ["c", "r", "u", "d", "s"],
};

const resourceScopePattern = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/;
const v2Pattern = /^c?r?u?d?s?$/;

/**
 * Parses a space-separated SMART scope string in v1 (`patient/*.read`) or v2
 * (`patient/ExplanationOfBenefit.rs`) syntax. Throws OAuthError invalid_scope naming the first
 * scope that is malformed, unknown, or names a resource type this server does not serve.
 */
export function parseSmartScopes(scope: string | null | undefined): SmartScopes {
  const items = [...new Set((scope ?? "").split(" ").filter((item) => item !== ""))];
  if (items.length === 0) {
    throw new OAuthError("invalid_scope", "scope is missing; request at least one scope, such as patient/*.rs.");
  }

  const parsed: SmartScopes = { granted: items, resources: [], launchPatient: false, openid: false, fhirUser: false, offlineAccess: false };
  for (const item of items) {
    addScope(parsed, item);
  }
  return parsed;
}

function addScope(parsed: SmartScopes, item: string): void {
  switch (item) {
    case "launch/patient":
      parsed.launchPatient = true;
      return;
    case "openid":
      parsed.openid = true;
      return;
    case "fhirUser":
      parsed.fhirUser = true;
      return;
    case "offline_access":
    case "online_access":
      parsed.offlineAccess = item === "offline_access";
      return;
  }
  parsed.resources.push(parseResourceScope(item));
}

function parseResourceScope(item: string): ResourceScope {
  const match = resourceScopePattern.exec(item);
  if (!match) {
    throw new OAuthError(
      "invalid_scope",
      `scope "${item}" is not a SMART scope; use context/Type.permissions such as patient/Observation.rs or patient/*.read, or one of launch/patient, openid, fhirUser, offline_access.`,
    );
  }
  const [, context = "", resourceType = "", permissions = "", query] = match;
  if (query !== undefined) {
    throw new OAuthError("invalid_scope", `scope "${item}" has a search restriction (${query}); this server does not support restricted scopes, so drop the part from "?".`);
  }
  if (resourceType !== "*" && !isSupportedResourceType(resourceType)) {
    throw new OAuthError("invalid_scope", `scope "${item}" names ${resourceType}, which this server does not serve; see the CapabilityStatement at /metadata for the served types.`);
  }
  return { context: context as ScopeContext, resourceType, interactions: new Set(toInteractions(item, permissions)) };
}

function toInteractions(item: string, permissions: string): ScopeInteraction[] {
  const v1 = v1Interactions[permissions];
  if (v1) {
    return v1;
  }
  if (!v2Pattern.test(permissions)) {
    throw new OAuthError(
      "invalid_scope",
      `scope "${item}" has permissions "${permissions}"; use read, write or * (SMART v1), or the letters c, r, u, d, s in that order (SMART v2).`,
    );
  }
  return [...permissions] as ScopeInteraction[];
}

/** Tells whether `scope` allows `interaction` on `resourceType` in some context. */
export function allowsInteraction(scopes: SmartScopes, resourceType: string, interaction: ScopeInteraction): boolean {
  return scopes.resources.some((scope) => (scope.resourceType === "*" || scope.resourceType === resourceType) && scope.interactions.has(interaction));
}
