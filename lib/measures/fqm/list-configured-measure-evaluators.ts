import { readMeasureBundleDir } from "@/lib/config/read-measure-bundle-dir";
import { logger } from "@/lib/log/logger";

import type { MeasureEvaluator } from "../measure-evaluator";
import { createFqmMeasureEvaluator } from "./create-fqm-measure-evaluator";
import { loadMeasureBundles } from "./load-measure-bundles";
import { readMeasureSettings } from "./read-measure-settings";

const evaluatorsByDir = new Map<string, MeasureEvaluator[]>();

/**
 * Returns an fqm-execution evaluator for every Measure in the folder LAKEVIEW_MEASURE_BUNDLE_DIR
 * names, or none when it is unset. The folder is read once per process and folder, so a change to
 * its files takes effect on restart. Throws one Error listing every problem with the folder or its
 * settings file.
 */
export function listConfiguredMeasureEvaluators(env: Readonly<Record<string, string | undefined>> = process.env): MeasureEvaluator[] {
  const problems: string[] = [];
  const dir = readMeasureBundleDir(env, problems);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  if (dir === undefined) return [];

  const cached = evaluatorsByDir.get(dir);
  if (cached) return cached;

  const evaluators = createEvaluators(dir);
  evaluatorsByDir.set(dir, evaluators);
  return evaluators;
}

function createEvaluators(dir: string): MeasureEvaluator[] {
  const started = performance.now();
  const settings = readMeasureSettings(dir);
  const bundles = loadMeasureBundles(dir);

  const unknown = Object.keys(settings.improvementNotation).filter((url) => !bundles.some(({ measure }) => measure.url === url));
  if (unknown.length > 0) {
    throw new Error(`The measure settings in ${dir} name ${unknown.join(", ")}, which no Measure in the folder has as its url; correct or remove those entries.`);
  }

  const evaluators = bundles.map(({ measure, bundle }) => createFqmMeasureEvaluator(bundle, { improvementNotation: measure.url ? settings.improvementNotation[measure.url] : undefined }));
  logger.info({ dir, measures: evaluators.length, durationMs: Math.round(performance.now() - started) }, "measure bundles loaded");
  return evaluators;
}
