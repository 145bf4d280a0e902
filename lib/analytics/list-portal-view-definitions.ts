import fs from "node:fs";
import path from "node:path";

import type { ViewDefinition } from "./view-definition";

/**
 * The folder of the portal's built-in ViewDefinitions, one JSON file per view. Next's server
 * bundle has no import.meta.dirname, and the portal runs from the project root there.
 */
export const PORTAL_VIEWS_DIR = import.meta.dirname ? path.join(import.meta.dirname, "views") : path.resolve(process.cwd(), "lib/analytics/views");

/** Reads the portal's built-in ViewDefinitions, ordered by file name. They are validated when compiled. */
export function listPortalViewDefinitions(): ViewDefinition[] {
  return fs
    .readdirSync(PORTAL_VIEWS_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(PORTAL_VIEWS_DIR, file), "utf8")) as ViewDefinition);
}
