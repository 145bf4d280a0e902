import type { OperationOutcome, OperationOutcomeIssue } from "fhir/r4";

/** The closed set of failure kinds; every layer maps its errors onto one of these. */
export type FhirErrorCode =
  | "not-found"
  | "gone"
  | "forbidden"
  | "invalid"
  | "conflict"
  | "rate-limited"
  | "too-costly"
  | "unavailable"
  | "internal";

const issueCodeFor: Record<FhirErrorCode, OperationOutcomeIssue["code"]> = {
  "not-found": "not-found",
  gone: "deleted",
  forbidden: "forbidden",
  invalid: "invalid",
  conflict: "conflict",
  "rate-limited": "throttled",
  "too-costly": "too-costly",
  unavailable: "transient",
  internal: "exception",
};

const httpStatusFor: Record<FhirErrorCode, number> = {
  "not-found": 404,
  gone: 410,
  forbidden: 403,
  invalid: 400,
  conflict: 409,
  "rate-limited": 429,
  "too-costly": 503,
  unavailable: 503,
  internal: 500,
};

export interface FhirErrorIssue {
  /** A description of the problem a developer can act on: the value, what was expected, the fix. */
  diagnostics: string;
  /** FHIRPath of the offending element, such as `Patient.birthDate`. */
  expression?: string;
}

/**
 * The one error type of the FHIR store. It carries an OperationOutcome so the REST layer can
 * return it as is, and an HTTP status so adapters need no mapping table of their own.
 */
export class FhirError extends Error {
  readonly code: FhirErrorCode;
  readonly issues: FhirErrorIssue[];

  constructor(code: FhirErrorCode, issues: FhirErrorIssue[] | string) {
    const list = typeof issues === "string" ? [{ diagnostics: issues }] : issues;
    super(list.map((issue) => issue.diagnostics).join("; "));
    this.name = "FhirError";
    this.code = code;
    this.issues = list;
  }

  get status(): number {
    return httpStatusFor[this.code];
  }

  toOperationOutcome(): OperationOutcome {
    return {
      resourceType: "OperationOutcome",
      issue: this.issues.map((issue) => ({
        severity: "error",
        code: issueCodeFor[this.code],
        diagnostics: issue.diagnostics,
        ...(issue.expression ? { expression: [issue.expression] } : {}),
      })),
    };
  }
}

/** Tells whether an unknown thrown value is a FhirError of the given code. */
export function isFhirError(error: unknown, code?: FhirErrorCode): error is FhirError {
  return error instanceof FhirError && (code === undefined || error.code === code);
}
