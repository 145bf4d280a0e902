import { formatRejection } from "./import-rejection";
import { countStored, type ImportReport, type TypeCounts } from "./import-report";
import { formatWarning } from "./import-warning";
import { formatValidationSummary } from "./validation-summary";

const columns: (keyof TypeCounts)[] = ["created", "updated", "unchanged", "existing", "deleted"];

/**
 * Formats a report for the terminal: totals with time and rate, a table of counts per resource
 * type, the validation findings of kept resources per rule, and every rejection and warning on a
 * line of its own. Holds counts, types, paths, entry positions and validation messages only, never
 * resource content; a message quotes the rejected value.
 */
export function formatImportReport(report: ImportReport): string {
  const lines = [summaryLine(report)];
  if (report.files.skipped > 0) {
    lines.push(`Skipped ${report.files.skipped} unchanged files that an earlier import finished with no rejection; --force imports them again.`);
  }
  if (report.files.duplicates > 0) {
    lines.push(`Skipped ${report.files.duplicates} files with the same content as a file read earlier in this run.`);
  }
  if (report.byType.size > 0) {
    lines.push("", ...countTable(report.byType));
  }
  const validation = formatValidationSummary(report.validation);
  if (validation.length > 0) {
    lines.push("", ...validation);
  }
  if (report.rejections.length > 0) {
    lines.push("", `Rejected (${report.rejections.length}):`, ...report.rejections.map((rejection) => `  ${formatRejection(rejection)}`));
  }
  if (report.warnings.length > 0) {
    lines.push("", `Stored with warnings (${report.warnings.length}):`, ...report.warnings.map((warning) => `  ${formatWarning(warning)}`));
  }
  return lines.join("\n");
}

function summaryLine(report: ImportReport): string {
  const stored = countStored(report);
  const seconds = report.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(stored / seconds) : 0;
  const failed = report.files.failed > 0 ? `, ${report.files.failed} could not be read` : "";
  return `Imported ${stored} resources from ${report.files.read} of ${report.files.total} files${failed} in ${seconds.toFixed(1)} s (${rate} resources/s).`;
}

function countTable(byType: ImportReport["byType"]): string[] {
  const types = [...byType.keys()].sort();
  const width = Math.max("Resource type".length, ...types.map((type) => type.length));
  const header = ["Resource type".padEnd(width), ...columns.map((column) => column.padStart(10))].join("");
  const rows = types.map((type) => {
    const counts = byType.get(type);
    return [type.padEnd(width), ...columns.map((column) => String(counts?.[column] ?? 0).padStart(10))].join("");
  });
  return [header, ...rows];
}
