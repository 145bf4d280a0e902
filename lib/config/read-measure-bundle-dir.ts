import { statSync } from "node:fs";
import path from "node:path";

/**
 * Reads LAKEVIEW_MEASURE_BUNDLE_DIR, the folder of published measure bundles a plan runs with
 * fqm-execution. Returns the absolute path, or undefined when the variable is unset or empty.
 * Adds a problem line when the path is not an existing folder.
 */
export function readMeasureBundleDir(env: Readonly<Record<string, string | undefined>>, problems: string[]): string | undefined {
  const text = env.LAKEVIEW_MEASURE_BUNDLE_DIR;
  if (text === undefined || text === "") return undefined;

  const dir = path.resolve(text);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    problems.push(`LAKEVIEW_MEASURE_BUNDLE_DIR "${text}" is not an existing folder; point it at the folder of measure bundles, or unset it to run no configured measures.`);
  }
  return dir;
}
