import type { AuditAction, AuditOutcome } from "./audit-codes";

/** Who acted: a signed-in user, a SMART app, or a user through a SMART app. */
export interface AuditAgent {
  kind: "user" | "client";
  id: string;
  /** The user's name or the app's name, kept so the member's access log reads without lookups. */
  display?: string;
}

/** One access to health data, before it becomes an AuditEvent. */
export interface AuditRecord {
  action: AuditAction;
  /** Where it happened: a FHIR interaction (`restfulInteractionSystem`) or a portal page/action (`portalEventSystem`). */
  subtype: { system: string; code: string };
  agents: readonly AuditAgent[];
  /** The patients whose data was read or changed; an event with none is still recorded. */
  patientIds: readonly string[];
  /** The resources touched, as "Type/id", when the event concerns a few named resources. */
  resources?: readonly string[];
  outcome: AuditOutcome;
  /** The client's address as the server saw it; behind a proxy this is the proxy's. */
  address?: string;
  /** The request id also written to the log line, so the two can be matched. */
  requestId?: string;
  recorded: Date;
}
