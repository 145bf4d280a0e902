import type { ImportRejection } from "./import-rejection";
import type { ImportUnit } from "./import-unit";

/** The plan for one file: units to store, and the entries rejected before any write. */
export interface FilePlan {
  units: ImportUnit[];
  rejections: ImportRejection[];
  /** Entries or lines that named a resource to store or delete, rejected ones included. */
  resourceCount: number;
}
