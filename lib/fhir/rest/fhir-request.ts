import type { Database } from "../../db/database";
import type { AccessScope } from "../search/access-scope";

/** An HTTP request as the FHIR REST layer receives it, free of any web framework. */
export interface FhirRequest {
  method: string;
  /** Path segments after the FHIR base, decoded: ["Patient", "123", "_history"]. */
  path: readonly string[];
  query: URLSearchParams;
  /** Request headers with lower-case names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The request body as text, when there is one. */
  body?: string;
}

/** The environment of one request: the database, the caller's scope and this server's base URL. */
export interface FhirContext {
  db: Database;
  scope: AccessScope;
  /** The absolute FHIR base, such as https://portal.example/fhir/R4, without a trailing slash. */
  baseUrl: string;
  /** The clock for `ap` searches and Bundle timestamps; the system clock when absent. */
  now?: () => Date;
  /**
   * A stable id of the authenticated caller, such as the user id. Bulk export jobs belong to it.
   * When absent, a job belongs to every caller with the same AccessScope.
   */
  callerId?: string;
  /** Settings of bulk export: the files' folder (resolveExportDir() when absent) and where files split. */
  bulkExport?: { exportDir?: string; maxResourcesPerFile?: number };
  /** How long a search's SQL may run on PostgreSQL before it is stopped; SEARCH_TIMEOUT_MS when absent. */
  searchTimeoutMs?: number;
}

/** An HTTP response: the body is a FHIR resource (often an OperationOutcome), or absent. */
export interface FhirResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /**
   * Patients whose data the body carries when the body is not made of resources (ViewDefinition
   * rows), for the AuditEvent. Not sent to the client.
   */
  auditPatientIds?: readonly string[];
  /**
   * The body already serialized, sent as it is in place of `body`, so that stored JSON reaches
   * the client without being parsed and serialized again. readResponseBody parses it for callers
   * in this process.
   */
  json?: string;
  /** The resources a `json` body carries, as "Type/id", for the AuditEvent. Not sent to the client. */
  auditResources?: readonly string[];
}

/** Returns the body of a response as a value, parsing it when it was serialized ahead. */
export function readResponseBody(response: Pick<FhirResponse, "body" | "json">): unknown {
  return response.json === undefined ? response.body : JSON.parse(response.json);
}

/** The media type of every body this server sends and accepts. */
export const FHIR_JSON = "application/fhir+json";
