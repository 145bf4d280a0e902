import { createOwnMeasureEvaluator } from "./create-own-measure-evaluator";
import { listConfiguredMeasureEvaluators } from "./fqm/list-configured-measure-evaluators";
import type { MeasureEvaluator } from "./measure-evaluator";
import { listOwnMeasures } from "./own/list-own-measures";

let ownEvaluators: readonly MeasureEvaluator[] | undefined;

/**
 * Lists the measures the care-gap pipeline runs: Lakeview's own, then those a plan configures,
 * then `extra` (tests and callers that bring their own). Measure ids must be unique; a later
 * evaluator with an id already listed is rejected.
 */
export async function listMeasureEvaluators(options: { extra?: readonly MeasureEvaluator[] } = {}): Promise<MeasureEvaluator[]> {
  ownEvaluators ??= listOwnMeasures().map(createOwnMeasureEvaluator);
  const all = [...ownEvaluators, ...(await listConfiguredEvaluators()), ...(options.extra ?? [])];

  const seen = new Set<string>();
  for (const evaluator of all) {
    const id = evaluator.measure.id ?? "";
    if (seen.has(id)) {
      throw new Error(`Two measure evaluators share the Measure id "${id}"; give each configured measure its own id.`);
    }
    seen.add(id);
  }
  return all;
}

/** Lists the measure bundles a plan configures in LAKEVIEW_MEASURE_BUNDLE_DIR, which fqm-execution runs. */
async function listConfiguredEvaluators(): Promise<readonly MeasureEvaluator[]> {
  return Promise.resolve(listConfiguredMeasureEvaluators());
}
