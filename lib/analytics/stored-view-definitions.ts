import { randomUUID } from "node:crypto";

import type { Basic } from "fhir/r4";

import type { Database } from "../db/database";
import { FhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { compileViewDefinition } from "./compile-view-definition";
import type { StoredViewDefinition } from "./view-definition";
import { fromViewDefinitionBasic, isViewDefinitionBasic, toViewDefinitionBasic } from "./view-definition-basic";

/**
 * Validates a ViewDefinition and stores it (as a Basic wrapper) under `id`, or under a new id when
 * `id` is absent. An invalid definition is rejected before anything is written.
 */
export async function saveViewDefinition(db: Database, input: unknown, id: string = randomUUID()): Promise<{ view: StoredViewDefinition; created: boolean }> {
  const compiled = compileViewDefinition(input);
  const existing = await readBasicOrUndefined(db, id);
  if (existing && !isViewDefinitionBasic(existing)) {
    throw new FhirError("conflict", `Basic/${id} exists and is not a ViewDefinition; choose another id.`);
  }

  const { resource, outcome } = await new FhirStore(db).update(toViewDefinitionBasic(compiled.definition, id));
  return { view: fromViewDefinitionBasic(resource), created: outcome === "created" };
}

/** Reads a stored ViewDefinition; throws not-found when there is none under that id. */
export async function readStoredViewDefinition(db: Database, id: string): Promise<StoredViewDefinition> {
  const basic = await readBasicOrUndefined(db, id);
  if (!basic || !isViewDefinitionBasic(basic)) {
    throw new FhirError("not-found", `ViewDefinition/${id} is not stored; check the id, or send the definition inline as viewResource.`);
  }
  return fromViewDefinitionBasic(basic);
}

/** Lists every stored ViewDefinition, ordered by id. */
export async function listStoredViewDefinitions(db: Database): Promise<StoredViewDefinition[]> {
  const basics = await new FhirStore(db).listAll("Basic");
  return basics.filter(isViewDefinitionBasic).map(fromViewDefinitionBasic);
}

/** Deletes a stored ViewDefinition; throws not-found when there is none under that id. */
export async function removeStoredViewDefinition(db: Database, id: string): Promise<void> {
  await readStoredViewDefinition(db, id);
  await new FhirStore(db).remove("Basic", id);
}

async function readBasicOrUndefined(db: Database, id: string): Promise<Basic | undefined> {
  try {
    return await new FhirStore(db).read("Basic", id);
  } catch (error) {
    if (error instanceof FhirError && (error.code === "not-found" || error.code === "gone")) return undefined;
    throw error;
  }
}
