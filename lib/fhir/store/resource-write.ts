import type { FhirResource } from "fhir/r4";

import type { PrecomputedWrite } from "./precompute-write";

/** One change for writeResources: store a resource (create or update) or delete one. */
export type ResourceWrite =
  | {
      kind: "put";
      /** Must carry resourceType and id. */
      resource: FhirResource;
      /** The versionId the caller last read; a different stored version fails with a conflict. */
      ifMatch?: string;
      /** precomputeWrite of `resource`, when the caller computed it ahead; computed here otherwise. */
      precomputed?: PrecomputedWrite;
    }
  | {
      kind: "delete";
      resourceType: string;
      id: string;
      ifMatch?: string;
    };

export type WriteOutcomeKind = "created" | "updated" | "unchanged" | "deleted" | "absent";

/** The result of one write. `resource` is the stored resource with its new meta, except for deletes. */
export interface WriteOutcome {
  kind: WriteOutcomeKind;
  resourceType: string;
  id: string;
  /** The version now current; undefined when nothing was ever stored under this id. */
  versionId?: string;
  resource?: FhirResource;
}
