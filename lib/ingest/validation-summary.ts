import type { IgCatalog } from "../fhir/validation/ig-catalog";
import type { ValidationIssue, ValidationSeverity } from "../fhir/validation/validation-report";

/** State of an import's profile checks: run, not configured, or turned off. */
export type ProfileCheckState = "checked" | "not-configured" | "off";

/** The findings of one rule across an import, with the first one as an example. */
export interface RuleFinding {
  severity: ValidationSeverity;
  count: number;
  /** Diagnostics and element of the first finding. */
  example: Pick<ValidationIssue, "diagnostics" | "expression">;
}

/** Warnings and information of the resources an import kept, counted per rule so that a large import stays readable. */
export interface ValidationSummary {
  profiles: ProfileCheckState;
  /** By rule key (ValidationIssue.rule); filled while files are planned, so it also counts resources a later database error rejected. */
  findings: Map<string, RuleFinding>;
}

/** Validation context of an import: the loaded profiles, and the summary that validateCandidate adds findings to. */
export interface ImportValidation {
  catalog: IgCatalog | undefined;
  summary: ValidationSummary;
}

/** Returns an empty summary. */
export function createValidationSummary(profiles: ProfileCheckState): ValidationSummary {
  return { profiles, findings: new Map() };
}

/** Counts a finding of a resource that is kept under its rule. */
export function countFinding(summary: ValidationSummary, issue: ValidationIssue): void {
  const finding = summary.findings.get(issue.rule);
  if (finding) {
    finding.count++;
    return;
  }
  summary.findings.set(issue.rule, { severity: issue.severity, count: 1, example: { diagnostics: issue.diagnostics, expression: issue.expression } });
}

/** Formats the summary for the terminal: how profiles were checked, then one line per rule, warnings first and most frequent first. */
export function formatValidationSummary(summary: ValidationSummary): string[] {
  if (summary.profiles === "not-configured") {
    return ["Profiles were not checked because LAKEVIEW_IG_DIR is not set; only base FHIR R4 was validated. Point it at a folder of FHIR packages to check US Core, CARIN BB and DEQM."];
  }
  if (summary.profiles === "off") {
    return ["Profiles were not checked because profile validation was turned off for this import; only base FHIR R4 was validated."];
  }
  if (summary.findings.size === 0) return [];

  const rank = { warning: 0, information: 1, error: 2 } as const;
  const rows = [...summary.findings.entries()].sort(([, a], [, b]) => rank[a.severity] - rank[b.severity] || b.count - a.count);
  const lines = rows.map(([rule, finding]) => {
    const at = finding.example.expression ? ` (at ${finding.example.expression})` : "";
    return `  ${String(finding.count).padStart(6)} ${finding.severity.padEnd(11)} ${rule}: ${finding.example.diagnostics}${at}`;
  });
  return [`Kept with validation findings (${rows.length} rules; count, severity, rule, first example):`, ...lines];
}
