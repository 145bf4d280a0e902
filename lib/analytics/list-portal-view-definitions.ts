import fs from "node:fs";
import path from "node:path";

import type { ViewDefinition } from "./view-definition";

/** The folder of the portal's built-in ViewDefinitions, one JSON file per view. */
export const PORTAL_VIEWS_DIR = path.join(import.meta.dirname, "views");

/** Reads the portal's built-in ViewDefinitions, ordered by file name. They are validated when compiled. */
export function listPortalViewDefinitions(): ViewDefinition[] {
  return fs
    .readdirSync(PORTAL_VIEWS_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(PORTAL_VIEWS_DIR, file), "utf8")) as ViewDefinition);
}
