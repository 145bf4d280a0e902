import { statSync } from "node:fs";

import type { Bundle, Measure } from "fhir/r4";

import { assembleMeasureBundle } from "./assemble-measure-bundle";
import { isContentOfType, readMeasureContent } from "./read-measure-content";

/** One runnable measure assembled from a bundle folder. */
export interface MeasureBundle {
  measure: Measure;
  /** A collection Bundle with the Measure, the Libraries it reaches and the ValueSets they need. */
  bundle: Bundle;
  /** The file the Measure came from, relative to the folder. */
  file: string;
}

/**
 * Reads a folder of published measure content and assembles one Bundle per Measure. The folder
 * may contain complete Bundles, each a Measure with its Libraries and ValueSets as the
 * connectathon repositories publish them. It may also contain loose Measure, Library and ValueSet
 * files or ValueSet Bundles in any subfolders, as MADiE exports them, and every Measure shares those.
 * Resources of other types (test patients, expected MeasureReports) are ignored.
 *
 * Throws one Error listing every problem, so a plan fixes the folder in one pass. Problems include
 * a missing Library or ValueSet, a Library without ELM JSON, two copies of one Measure and a file
 * that is not JSON. Each line names the canonical, the Measure, the file and what to add.
 */
export function loadMeasureBundles(dir: string): MeasureBundle[] {
  assertFolder(dir);

  const { items, problems } = readMeasureContent(dir);
  const measureItems = items.filter((item) => isContentOfType(item, "Measure"));
  if (measureItems.length === 0 && problems.length === 0) {
    problems.push(`${dir} contains no Measure resource; add one folder per measure with its Measure, Library and ValueSet files, or a complete measure Bundle.`);
  }

  const bundles: MeasureBundle[] = [];
  for (const measureItem of measureItems) {
    const assembled = assembleMeasureBundle(items, measureItem);
    problems.push(...assembled.problems);
    if (assembled.bundle) bundles.push({ measure: measureItem.resource, bundle: assembled.bundle, file: measureItem.file });
  }
  problems.push(...findDuplicates(bundles, dir));

  if (problems.length > 0) {
    throw new Error(`The measure bundle folder ${dir} cannot be used:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
  }
  return bundles;
}

function assertFolder(dir: string): void {
  const stats = statSync(dir, { throwIfNoEntry: false });
  if (!stats?.isDirectory()) {
    throw new Error(`The measure bundle folder ${dir} does not exist or is not a folder; create it, or point LAKEVIEW_MEASURE_BUNDLE_DIR at the folder that contains the measure bundles.`);
  }
}

/**
 * Reports two Measures with one canonical and version, and two with one id and version.
 * fqm-execution caches a prepared measure under `<id>-<version>`, so a second Measure sharing
 * both would run the first one's logic.
 */
function findDuplicates(bundles: MeasureBundle[], dir: string): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { measure, file } of bundles) {
    const keys = [`canonical ${measure.url}|${measure.version ?? ""}`, `id ${measure.id}|${measure.version ?? ""}`];
    const duplicate = keys.find((key) => seen.has(key));
    if (duplicate !== undefined) {
      problems.push(`${file} and ${seen.get(duplicate)} in ${dir} contain Measures with the same ${duplicate}; keep one of them.`);
      continue;
    }
    for (const key of keys) seen.set(key, file);
  }
  return problems;
}
