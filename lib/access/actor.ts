/**
 * Who asks for access, as the policy sees them. Every kind may carry `resourceTypes`, the types a
 * SMART access token's scopes cover; a portal session has none and is limited by its kind only.
 */
export type Actor =
  | (ActorBase & {
      kind: "member";
      /** The member's own Patient; null while the account is not linked to one. */
      patientId: string | null;
      /** Dependents whose records the member may view now (under 13, or shared with the member). */
      dependentIds: readonly string[];
    })
  | (ActorBase & { kind: "care-manager"; panelPatientIds: readonly string[] })
  | (ActorBase & { kind: "admin" })
  | (ActorBase & { kind: "system" });

interface ActorBase {
  /** The account or OAuth client id, for logs and audit; the policy does not read it. */
  id: string;
  /** Types a SMART token's scopes let the actor read; undefined for a portal session or a `*` scope. */
  resourceTypes?: readonly string[];
  /** True when a SMART token is the credential, whose scopes never allow portal pages. */
  viaToken?: boolean;
}

/** The kinds of actor, one column each in the policy table. */
export type ActorKind = Actor["kind"];
