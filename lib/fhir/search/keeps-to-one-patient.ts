import { PATIENT_COMPARTMENT_PARAMS } from "../patient-compartments";
import type { SearchRequest } from "./search-request";

/**
 * Tells whether a search keeps to one patient's compartment through a reference to that patient,
 * such as `Observation?patient=X&code=Y`. PostgreSQL does best to start such a search from the
 * patient's few reference rows whatever the other values are, so one generic plan serves every
 * call. Left to choose, it planned each call again at 100,000 members whenever a custom plan's
 * estimate came out a little cheaper than the generic one, about 1 ms of its CPU per search for
 * the same plan (BENCHMARKS.md).
 */
export function keepsToOnePatient(search: SearchRequest): boolean {
  const params = PATIENT_COMPARTMENT_PARAMS.get(search.resourceType) ?? [];
  return search.filters.some((filter) => {
    if (filter.kind !== "reference" || filter.values.length !== 1) return false;
    const [value] = filter.values;
    // `patient` parameters name the Patient type themselves; `subject=X` may name a Patient.
    return value?.targetId !== undefined && (value.targetType === "Patient" || (value.targetType === undefined && params.includes(filter.param)));
  });
}
