import type { ScopeInteraction } from "./smart-scope";

/** The scope permission an interaction needs: a letter on a resource type. */
export interface RequiredPermission {
  resourceType: string;
  interaction: ScopeInteraction;
}

/** First path segments of a bulk export's status URL and file downloads, which name no resource type. */
const bulkExportPaths: ReadonlySet<string> = new Set(["bulk-status", "bulk-files"]);

/**
 * Returns what a FHIR REST request needs from a token's scopes, or null when it needs no resource
 * scope: the CapabilityStatement, and system-level requests (batch, transaction, $export) whose
 * contents the AccessScope limits, and a bulk export's status and files, which only the caller that
 * started the export may reach. Reads, vreads, history and instance operations need `r`;
 * searches, type history and type operations need `s`; POST needs `c`, PUT and PATCH `u`, DELETE `d`.
 */
export function toRequiredPermission(method: string, path: readonly string[]): RequiredPermission | null {
  const [resourceType, second] = path;
  if (resourceType === undefined || resourceType === "metadata" || resourceType.startsWith("$") || bulkExportPaths.has(resourceType)) {
    return null;
  }

  if (path.some((segment) => segment.startsWith("$"))) {
    return { resourceType, interaction: path.length >= 3 ? "r" : "s" };
  }
  const isTypeLevel = second === undefined || second === "_search" || second === "_history";
  switch (method) {
    case "GET":
    case "HEAD":
      return { resourceType, interaction: isTypeLevel ? "s" : "r" };
    case "POST":
      return { resourceType, interaction: second === "_search" ? "s" : "c" };
    case "PUT":
    case "PATCH":
      return { resourceType, interaction: "u" };
    case "DELETE":
      return { resourceType, interaction: "d" };
    default:
      return null;
  }
}
