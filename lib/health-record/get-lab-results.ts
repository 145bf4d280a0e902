import type { FhirStore } from "../fhir/store/fhir-store";
import { sortNewestFirst } from "./compare-newest-first";
import { isPresent } from "./is-present";
import { listOwnResources } from "./list-own-resources";
import { toLabTrends, type LabTrendView } from "./to-lab-trends";
import { isLaboratory, toLabResultView, type LabResultView } from "./to-lab-result-view";

/** Content of the labs page. */
export interface LabResults {
  /** Laboratory results, newest first. */
  results: LabResultView[];
  /** HbA1c, LDL, blood pressure and BMI over time, each listed even when empty. */
  trends: LabTrendView[];
}

/**
 * Loads the patient's results for the labs page. The table lists Observations in the laboratory
 * category; the trends also use vital signs, where blood pressure and BMI are filed.
 */
export async function getLabResults(store: FhirStore, patientId: string): Promise<LabResults> {
  const observations = await listOwnResources(store, patientId, "Observation");

  const laboratory = observations.filter(isLaboratory);
  return {
    results: sortNewestFirst(laboratory.map(toLabResultView).filter(isPresent), (view) => view.date),
    trends: toLabTrends(observations),
  };
}
