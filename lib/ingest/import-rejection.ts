import type { FhirErrorIssue } from "../fhir/fhir-error";

/** One input the import did not store, with every reason found. */
export interface ImportRejection {
  /** The input file as given on the command line, or as found under a given folder. */
  file: string;
  /** 0-based index into Bundle.entry; absent for NDJSON lines and whole files. */
  entry?: number;
  /** 1-based NDJSON line number. */
  line?: number;
  resourceType?: string;
  /** MSH-10 of a rejected HL7 v2 message, or ST-02 of a rejected X12 transaction set, when it was read. */
  messageControlId?: string;
  /** The failed_message row (SHA-256 of the message text) that keeps the rejected message. */
  messageHash?: string;
  issues: FhirErrorIssue[];
}

/**
 * Formats a rejection as one line: file, entry or line, resource type, then each issue with its
 * FHIRPath, such as `a.json Bundle.entry[3] Observation: Observation.status is required … (at Observation.status)`.
 */
export function formatRejection(rejection: ImportRejection): string {
  const location = [rejection.file, locationInFile(rejection), rejection.resourceType].filter(Boolean).join(" ");
  const reasons = rejection.issues
    .map((issue) => (issue.expression ? `${issue.diagnostics} (at ${issue.expression})` : issue.diagnostics))
    .join("; ");
  return `${location}: ${reasons}`;
}

function locationInFile(rejection: ImportRejection): string | undefined {
  if (rejection.entry !== undefined) return `Bundle.entry[${rejection.entry}]`;
  if (rejection.line !== undefined) return `line ${rejection.line}`;
  return undefined;
}
