import { createHash } from "node:crypto";

/** FHIR ids are at most 64 characters of [A-Za-z0-9.-]. */
const maxIdLength = 64;

/** Returns the id of the stored individual MeasureReport of one patient, measure and period year. */
export function measureReportId(measureId: string, patientId: string, year: number): string {
  return resultId("mr", measureId, patientId, year);
}

/** Returns the id of the stored DetectedIssue (care gap) of one patient, measure and period year. */
export function careGapIssueId(measureId: string, patientId: string, year: number): string {
  return resultId("gap", measureId, patientId, year);
}

/**
 * Joins prefix, measure id, patient id and year with "-". When that exceeds 64 characters the
 * patient id is replaced by the start of its SHA-256 hex digest, as long as still fits, so the id
 * stays unique per patient and stable across runs.
 */
function resultId(prefix: string, measureId: string, patientId: string, year: number): string {
  const plain = `${prefix}-${measureId}-${patientId}-${year}`;
  if (plain.length <= maxIdLength) return plain;

  const room = maxIdLength - `${prefix}-${measureId}--${year}`.length;
  if (room < 16) {
    throw new Error(`Measure id "${measureId}" is too long for result ids; keep Measure ids to 40 characters or fewer.`);
  }
  const digest = createHash("sha256").update(patientId).digest("hex").slice(0, Math.min(room, 64));
  return `${prefix}-${measureId}-${digest}-${year}`;
}
