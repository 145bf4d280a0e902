/** Identifier system of a Lakeview user account id in AuditEvent.agent.who. */
export const userIdentifierSystem = "https://lakeview.example/fhir/sid/user";

/** Identifier system of a registered SMART app's client_id in AuditEvent.agent.who. */
export const oauthClientIdentifierSystem = "https://lakeview.example/fhir/sid/oauth-client";

/** Code system of the portal pages and actions an AuditEvent.subtype names. */
export const portalEventSystem = "https://lakeview.example/fhir/CodeSystem/portal-event";

/** FHIR's RESTful interaction codes (read, search-type, create...), for API events. */
export const restfulInteractionSystem = "http://hl7.org/fhir/restful-interaction";

/** AuditEvent.action: create, read (and search), update, delete, execute (operations). */
export type AuditAction = "C" | "R" | "U" | "D" | "E";

/** AuditEvent.outcome: success, minor failure (the request was rejected), serious failure. */
export type AuditOutcome = "0" | "4" | "8";
