import type { FhirResource } from "fhir/r4";

import type { ResourceWrite } from "../fhir/store/resource-write";
import type { ImportRejection } from "./import-rejection";

/** One store write planned from one bundle entry, NDJSON line or file. */
export interface PlannedWrite {
  write: ResourceWrite;
  /**
   * True for a create (a POST entry): it is stored only when no current resource has its id,
   * and otherwise counted as existing, so an entry repeated across files or runs keeps the first.
   */
  createOnly: boolean;
}

/** A group of writes that the import stores together or not at all. */
export interface ImportUnit {
  file: string;
  writes: PlannedWrite[];
  /** Types of entries already satisfied by a stored resource (a matched ifNoneExist), counted as existing. */
  matchedTypes: string[];
  /** Resources whose identifiers were added to the pending index, removed again after the commit. */
  pendingResources: FhirResource[];
  /** The location reported when the whole unit fails: the entry or line, or the bundle for a transaction. */
  rejectAs: Omit<ImportRejection, "issues">;
}
