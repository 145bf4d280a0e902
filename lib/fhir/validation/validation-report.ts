import type { OperationOutcome, OperationOutcomeIssue } from "fhir/r4";

export type ValidationSeverity = "error" | "warning" | "information";

/** One finding of validation, shaped like an OperationOutcome issue. */
export interface ValidationIssue {
  severity: ValidationSeverity;
  /** The OperationOutcome issue type, such as "structure", "invariant", "code-invalid" or "not-supported". */
  code: OperationOutcomeIssue["code"];
  /** Description of the problem, the rule it breaks (profile and constraint key) and the fix. */
  diagnostics: string;
  /** FHIRPath of the element, such as `Patient.gender`; absent for findings about the whole resource. */
  expression?: string;
  /** A short key that groups issues of the same rule in an import summary, such as `us-core-patient|6.1.0 Patient.gender min`. */
  rule: string;
}

/** The validation result of one resource. */
export interface ValidationReport {
  issues: ValidationIssue[];
  /** The profiles the resource was checked against, as `url|version`. */
  profiles: string[];
}

/** Tells whether a report has an issue of severity error, which rejects the resource at import. */
export function hasErrors(report: ValidationReport): boolean {
  return report.issues.some((issue) => issue.severity === "error");
}

/**
 * Turns a report into the OperationOutcome that `$validate` returns. An outcome needs at least one
 * issue, so a clean report becomes one information issue that lists the profiles checked.
 */
export function toValidationOutcome(report: ValidationReport): OperationOutcome {
  const issues: OperationOutcomeIssue[] = report.issues.map((issue) => ({
    severity: issue.severity,
    code: issue.code,
    diagnostics: issue.diagnostics,
    ...(issue.expression ? { expression: [issue.expression] } : {}),
  }));
  if (issues.length === 0) {
    const checked = report.profiles.length > 0 ? `base FHIR R4 and ${report.profiles.join(", ")}` : "base FHIR R4";
    issues.push({ severity: "information", code: "informational", diagnostics: `No issues found; checked against ${checked}.` });
  }
  return { resourceType: "OperationOutcome", issue: issues };
}
