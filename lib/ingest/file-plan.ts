import type { ImportRejection } from "./import-rejection";
import type { ImportUnit } from "./import-unit";
import type { ImportWarning } from "./import-warning";

/** The plan for one file: units to store, and the entries rejected before any write. */
export interface FilePlan {
  units: ImportUnit[];
  rejections: ImportRejection[];
  /** Entries or lines that named a resource to store or delete, rejected ones included. */
  resourceCount: number;
  /** Values left out of converted messages; absent for FHIR files. */
  warnings?: ImportWarning[];
  /** Types of the resources of messages an earlier run already stored, counted as unchanged. */
  unchangedTypes?: string[];
}
