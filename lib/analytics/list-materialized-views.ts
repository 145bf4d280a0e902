import { createHash } from "node:crypto";

import type { Database } from "../db/database";
import { FhirError } from "../fhir/fhir-error";
import { logger } from "../log/logger";
import { compileViewDefinition, type CompiledView } from "./compile-view-definition";
import { listPortalViewDefinitions } from "./list-portal-view-definitions";
import { listStoredViewDefinitions } from "./stored-view-definitions";
import type { StoredViewDefinition, ViewDefinition } from "./view-definition";

/** A view to materialize: its table name, the compiled definition and the definition's hash. */
export interface MaterializedView {
  /** The table name in the analytics schema, unique among the views. */
  name: string;
  origin: "built-in" | "stored";
  view: CompiledView;
  definitionHash: string;
}

/**
 * Lists the views to materialize: the built-in portal views under their names, and every
 * valid ViewDefinition stored by an admin as `view_<id>`, with dashes as underscores.
 */
export async function listMaterializedViews(db: Database): Promise<MaterializedView[]> {
  const builtIn = listPortalViewDefinitions().map((definition) => toMaterializedView(definition.name ?? "", "built-in", definition));
  const stored = (await listStoredViewDefinitions(db)).flatMap((definition) => compileStoredOrSkip(definition));
  return [...builtIn, ...stored];
}

/**
 * Compiles a stored view, or logs and skips it when it is invalid. The API validates on save, but
 * an import writes Basic resources without that check, and one bad view must not stop the rest.
 */
function compileStoredOrSkip(definition: StoredViewDefinition): MaterializedView[] {
  try {
    return [toMaterializedView(storedTableName(definition.id), "stored", definition)];
  } catch (error) {
    if (!(error instanceof FhirError)) throw error;
    logger.warn({ viewDefinitionId: definition.id, diagnostics: error.message }, "Invalid stored ViewDefinition skipped by the analytics refresh");
    return [];
  }
}

function toMaterializedView(name: string, origin: MaterializedView["origin"], definition: ViewDefinition): MaterializedView {
  const view = compileViewDefinition(definition);
  const content: Record<string, unknown> = { ...definition };
  delete content.meta;
  return { name, origin, view, definitionHash: createHash("sha256").update(JSON.stringify(content)).digest("hex") };
}

/** Ids are case-sensitive and may contain "." while SQL names here are lower case, so other ids become a hash. */
function storedTableName(id: string): string {
  const name = `view_${id.replaceAll("-", "_")}`;
  return /^[a-z0-9_]{1,63}$/.test(name) ? name : `view_${createHash("sha256").update(id).digest("hex").slice(0, 32)}`;
}
