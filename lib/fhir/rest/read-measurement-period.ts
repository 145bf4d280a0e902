import { FhirError } from "../fhir-error";
import type { MeasurementPeriod } from "../../measures/measure-evaluator";
import { toMeasurementWindow } from "../../measures/logic/measurement-window";
import { singleParameter, type OperationParameters } from "./read-operation-parameters";

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the required periodStart and periodEnd of a measure operation as FHIR dates. */
export function readMeasurementPeriod(parameters: OperationParameters, operation: string): MeasurementPeriod {
  const start = singleParameter(parameters, operation, "periodStart");
  const end = singleParameter(parameters, operation, "periodEnd");
  for (const [name, value] of [["periodStart", start], ["periodEnd", end]] as const) {
    if (value === undefined) {
      throw new FhirError("invalid", `${operation} needs ${name}; give a date such as ${name === "periodStart" ? "2026-01-01" : "2026-12-31"}.`);
    }
    if (!datePattern.test(value)) {
      throw new FhirError("invalid", `${name} "${value}" is not a date of the form YYYY-MM-DD; give one such as 2026-01-01.`);
    }
  }

  const period = { start: start ?? "", end: end ?? "" };
  toMeasurementWindow(period);
  return period;
}

/** True when the period is one whole calendar year, the unit care gaps are stored in. */
export function isCalendarYear(period: MeasurementPeriod): boolean {
  const year = period.start.slice(0, 4);
  return period.start === `${year}-01-01` && period.end === `${year}-12-31`;
}
