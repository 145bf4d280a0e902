import type { Task } from "fhir/r4";

import type { FhirStore } from "../fhir/store/fhir-store";

/**
 * Stores a changed Task only if the stored version is still `version`. The store checks it in the
 * same transaction as the write, so of two edits made from the same version one is stored and the
 * other fails with a conflict instead of overwriting it.
 */
export async function saveTaskVersion(store: FhirStore, task: Task, version: string, now: Date): Promise<Task> {
  const { resource } = await store.update({ ...task, lastModified: now.toISOString() }, { ifMatch: version });
  return resource;
}
