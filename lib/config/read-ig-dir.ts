import { statSync } from "node:fs";
import path from "node:path";

/**
 * Reads LAKEVIEW_IG_DIR, the folder of FHIR implementation guide packages (US Core, CARIN Blue
 * Button, DEQM, …) that resources are validated against. Returns the absolute path, or undefined
 * when the variable is unset or empty, in which case only base R4 is validated. Adds a problem
 * line when the path is not an existing folder.
 */
export function readIgDir(env: Readonly<Record<string, string | undefined>>, problems: string[]): string | undefined {
  const text = env.LAKEVIEW_IG_DIR;
  if (text === undefined || text === "") return undefined;

  const dir = path.resolve(text);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    problems.push(`LAKEVIEW_IG_DIR "${text}" is not an existing folder; point it at a folder of FHIR packages (one subfolder per package), or unset it to validate against base R4 only.`);
  }
  return dir;
}
