import { overlapsDays } from "./clinical-interval";
import { conditionsIn } from "./clinical-queries";
import type { PatientRecord } from "./patient-record";
import { defineValueSet } from "./value-set";

/** Diabetes (2.16.840.1.113883.3.464.1003.103.12.1001), a short subset shared by CMS122 and CMS131. */
export const diabetes = defineValueSet("Diabetes", "2.16.840.1.113883.3.464.1003.103.12.1001", {
  icd10cm: ["E10.10", "E10.65", "E10.9", "E11.21", "E11.22", "E11.319", "E11.40", "E11.42", "E11.65", "E11.8", "E11.9", "E13.9", "O24.011", "O24.111"],
  snomed: ["44054006", "46635009", "73211009", "190330002", "190331003", "199230006", "237599002", "314903002", "314904008", "359642000", "81531005", "102781000119107"],
});

/** True when a diabetes diagnosis overlaps the measurement period. */
export function hasDiabetesInPeriod(record: PatientRecord): boolean {
  return conditionsIn(record, [diabetes]).some(({ interval }) => overlapsDays(interval, record.window.start, record.window.end));
}
