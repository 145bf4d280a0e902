import { PATIENT_COMPARTMENT_PARAMS } from "../patient-compartments";
import type { SearchRequest } from "./search-request";

/**
 * Tells whether a search names exactly one patient through a reference, such as
 * `Observation?patient=X&code=Y`. Its best plan starts from that patient's reference rows whatever
 * the other values are, so one generic plan serves every call. Left to choose, PostgreSQL planned
 * such searches again on every call at 100,000 members, about 1 ms each (BENCHMARKS.md).
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
