import type { MeasureEvaluator } from "../measure-evaluator";
import { sampleMeasureBundleDir } from "../test-cases/measure-suite-skip-reason";
import { createFqmMeasureEvaluator } from "./create-fqm-measure-evaluator";
import { loadMeasureBundles } from "./load-measure-bundles";

let evaluators: Map<string, MeasureEvaluator> | undefined;

/**
 * Returns the evaluator of the sample measure with the given canonical URL, loading every sample
 * bundle on the first call. The test-case suites use it; the product reads the configured folder
 * through listConfiguredMeasureEvaluators instead.
 */
export function getSampleMeasureEvaluator(measureUrl: string): MeasureEvaluator {
  evaluators ??= new Map(loadMeasureBundles(sampleMeasureBundleDir).map(({ measure, bundle }) => [measure.url ?? "", createFqmMeasureEvaluator(bundle)]));

  const evaluator = evaluators.get(measureUrl);
  if (!evaluator) throw new Error(`No measure bundle under ${sampleMeasureBundleDir} has the url ${measureUrl}.`);
  return evaluator;
}
