import type { Database } from "@/lib/db/database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

import { listMeasureEvaluators } from "./list-measure-evaluators";

/**
 * Stores the Measure resource of every listed evaluator, so reports and gaps point at stored
 * Measures. Unchanged Measures write nothing, so start-up can call it every time.
 */
export async function storeMeasures(db: Database): Promise<number> {
  const evaluators = await listMeasureEvaluators();
  await new FhirStore(db).writeAll(evaluators.map((evaluator) => ({ kind: "put", resource: evaluator.measure })));
  return evaluators.length;
}
