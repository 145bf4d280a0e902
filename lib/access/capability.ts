import type { ActorKind } from "./actor";

/** Named things an actor may do that are not a read of one patient's compartment. */
export const CAPABILITIES = [
  "member.portal",
  "care.worklist",
  "care.write",
  "admin.console",
  "admin.audit",
  "admin.panels",
  "analytics.sql",
  "analytics.run",
  "measure.evaluate",
  "export.bulk.patient",
  "export.bulk.system",
  "fhir.write",
] as const;

export type Capability = (typeof CAPABILITIES)[number];

/**
 * "allow": granted. "scoped": granted, and the data it reaches is limited to the actor's
 * compartments (see toActorScope). "forbidden": refused with 403, because the capability's
 * existence is public and refusing it reveals nothing about any patient.
 */
export type CapabilityRule = "allow" | "scoped" | "forbidden";

/**
 * The policy table: which actor kind holds which capability. A SMART token never holds a portal
 * capability (member.portal, care.*, admin.*, analytics.sql), and holds fhir.write only when
 * its scopes grant every type; decideAccess applies both rules on top of this table.
 */
export const CAPABILITY_POLICY: Readonly<Record<Capability, Readonly<Record<ActorKind, CapabilityRule>>>> = {
  "member.portal": { member: "allow", "care-manager": "forbidden", admin: "forbidden", system: "forbidden" },
  "care.worklist": { member: "forbidden", "care-manager": "scoped", admin: "forbidden", system: "forbidden" },
  "care.write": { member: "forbidden", "care-manager": "scoped", admin: "forbidden", system: "forbidden" },
  "admin.console": { member: "forbidden", "care-manager": "forbidden", admin: "allow", system: "forbidden" },
  "admin.audit": { member: "forbidden", "care-manager": "forbidden", admin: "allow", system: "forbidden" },
  "admin.panels": { member: "forbidden", "care-manager": "forbidden", admin: "allow", system: "forbidden" },
  "analytics.sql": { member: "forbidden", "care-manager": "forbidden", admin: "allow", system: "forbidden" },
  "analytics.run": { member: "scoped", "care-manager": "scoped", admin: "allow", system: "allow" },
  "measure.evaluate": { member: "scoped", "care-manager": "scoped", admin: "allow", system: "allow" },
  "export.bulk.patient": { member: "scoped", "care-manager": "scoped", admin: "allow", system: "allow" },
  "export.bulk.system": { member: "forbidden", "care-manager": "forbidden", admin: "allow", system: "allow" },
  "fhir.write": { member: "forbidden", "care-manager": "forbidden", admin: "allow", system: "allow" },
};

/** Capabilities of the portal's own pages and actions, which a SMART token never holds. */
export const PORTAL_CAPABILITIES: ReadonlySet<Capability> = new Set(["member.portal", "care.worklist", "care.write", "admin.console", "admin.audit", "admin.panels", "analytics.sql"]);
