import type { ImportRejection } from "./import-rejection";
import type { ImportWarning } from "./import-warning";
import { createValidationSummary, type ValidationSummary } from "./validation-summary";

/** Outcome counts for the resources of one type. */
export interface TypeCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Creates (POST entries, matched ifNoneExist) whose target was already stored with other content; the stored version was kept. */
  existing: number;
  deleted: number;
}

/** The outcome of one import run. */
export interface ImportReport {
  files: {
    /** Files found under the given paths. */
    total: number;
    /** Files read and planned in this run. */
    read: number;
    /** Files an earlier run finished with no rejection (see imported_file). */
    skipped: number;
    /** Files of the same format and bytes as a file listed before them in this run, which are read once. */
    duplicates: number;
    /** Files that could not be read as FHIR at all; each has a rejection without entry or line. */
    failed: number;
  };
  byType: Map<string, TypeCounts>;
  rejections: ImportRejection[];
  /** Invalid values left out of messages that were stored. */
  warnings: ImportWarning[];
  /** Profile check state and the findings of kept resources. */
  validation: ValidationSummary;
  elapsedMs: number;
}

export type CountKind = keyof TypeCounts;

/** Returns an empty report for a run over `totalFiles` files. */
export function createImportReport(totalFiles: number, validation: ValidationSummary = createValidationSummary("not-configured")): ImportReport {
  return { files: { total: totalFiles, read: 0, skipped: 0, duplicates: 0, failed: 0 }, byType: new Map(), rejections: [], warnings: [], validation, elapsedMs: 0 };
}

/** Adds one outcome to the counts of a resource type. */
export function countOutcome(report: ImportReport, resourceType: string, kind: CountKind): void {
  let counts = report.byType.get(resourceType);
  if (!counts) {
    counts = { created: 0, updated: 0, unchanged: 0, existing: 0, deleted: 0 };
    report.byType.set(resourceType, counts);
  }
  counts[kind]++;
}

/** Returns how many resources the import created, updated or deleted. */
export function countWritten(report: ImportReport): number {
  let total = 0;
  for (const counts of report.byType.values()) total += counts.created + counts.updated + counts.deleted;
  return total;
}

/** Returns how many resources reached the store (every outcome counted, rejections not). */
export function countStored(report: ImportReport): number {
  let total = 0;
  for (const counts of report.byType.values()) {
    total += counts.created + counts.updated + counts.unchanged + counts.existing + counts.deleted;
  }
  return total;
}
