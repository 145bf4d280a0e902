import { createHash } from "node:crypto";

import type { Database } from "../db/database";
import { compileViewDefinition, type CompiledView } from "./compile-view-definition";
import { listPortalViewDefinitions } from "./list-portal-view-definitions";
import { listStoredViewDefinitions } from "./stored-view-definitions";
import type { ViewDefinition } from "./view-definition";

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
 * ViewDefinition stored by an admin as `view_<id>`, with dashes as underscores.
 */
export async function listMaterializedViews(db: Database): Promise<MaterializedView[]> {
  const builtIn = listPortalViewDefinitions().map((definition) => toMaterializedView(definition.name ?? "", "built-in", definition));
  const stored = (await listStoredViewDefinitions(db)).map((definition) => toMaterializedView(storedTableName(definition.id), "stored", definition));
  return [...builtIn, ...stored];
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
