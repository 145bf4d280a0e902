import type { ImportRejection } from "./import-rejection";
import type { ImportReport } from "./import-report";
import { describeWarning } from "./import-warning";

/** One import_issue row, without its run id and position. */
export interface ImportIssueRow {
  filePath: string;
  line: number | null;
  messageControlId: string | null;
  resource: string | null;
  location: string | null;
  severity: "error" | "warning";
  /** The rule: entry-rejected, message-rejected, transaction-rejected, file-failed, value-left-out, or a profile rule key. */
  code: string;
  text: string;
  failedMessageHash: string | null;
}

/**
 * Lists a report's rejections (one row per issue), warnings, and profile warnings (one row per
 * rule, with its count) as import_issue rows, in report order. The text is the import's own
 * message, which quotes a rejected value where the fix needs it.
 */
export function toImportIssues(report: ImportReport): ImportIssueRow[] {
  const rejections = report.rejections.flatMap((rejection) =>
    rejection.issues.map((issue): ImportIssueRow => ({
      filePath: rejection.file,
      line: rejection.line ?? null,
      messageControlId: rejection.messageControlId ?? null,
      resource: rejection.resourceType ?? null,
      location: issue.expression ?? (rejection.entry === undefined ? null : `Bundle.entry[${rejection.entry}]`),
      severity: "error",
      code: codeOf(rejection),
      text: issue.diagnostics,
      failedMessageHash: rejection.messageHash ?? null,
    })),
  );
  const warnings = report.warnings.map((warning): ImportIssueRow => ({
    filePath: warning.file,
    line: warning.line,
    messageControlId: warning.messageControlId,
    resource: null,
    location: warning.field,
    severity: "warning",
    code: "value-left-out",
    text: describeWarning(warning),
    failedMessageHash: null,
  }));
  return [...rejections, ...warnings, ...toProfileWarnings(report)];
}

/** Profile findings are counted per rule across the files, so their rows name no file. */
function toProfileWarnings(report: ImportReport): ImportIssueRow[] {
  return [...report.validation.findings.entries()]
    .filter(([, finding]) => finding.severity === "warning")
    .map(([rule, finding]) => ({
      filePath: "",
      line: null,
      messageControlId: null,
      resource: null,
      location: finding.example.expression ?? null,
      severity: "warning",
      code: rule,
      text: `${finding.count} kept ${finding.count === 1 ? "resource" : "resources"}: ${finding.example.diagnostics}`,
      failedMessageHash: null,
    }));
}

function codeOf(rejection: ImportRejection): string {
  if (rejection.messageHash !== undefined) return "message-rejected";
  if (rejection.resourceType === "Bundle") return "transaction-rejected";
  if (rejection.entry === undefined && rejection.line === undefined) return "file-failed";
  return "entry-rejected";
}
