import { PatientSource } from "cql-exec-fhir";
import type { Bundle, Measure, MeasureReport } from "fhir/r4";
import { Calculator, type CalculationOptions } from "fqm-execution";

import { FhirError } from "@/lib/fhir/fhir-error";

import type { MeasureEvaluator, MeasurementPeriod } from "../measure-evaluator";
import { dropUnreviewedEvidence } from "./drop-unreviewed-evidence";
import { readImprovementNotation } from "./read-improvement-notation";

export interface FqmMeasureEvaluatorOptions {
  /** Replaces the notation the Measure states, for content that states the wrong one. */
  improvementNotation?: "increase" | "decrease";
}

/**
 * Options for every call. HTML, clause coverage, supplemental data and risk adjustment are off
 * because only the population counts are used. `useElmJsonsCaching` makes fqm-execution keep the
 * decoded ELM, the code service and the CQL repository per Measure id and version, so only the
 * first call for a measure pays for preparing them (the cache drops an entry unused for 10 minutes).
 * NOTE: that cache is process-wide, so two bundles whose Measures share id and version run the
 * logic prepared first. loadMeasureBundles rejects such pairs within one folder, not across folders.
 * No `vsAPIKey` is given, so a missing ValueSet fails instead of being downloaded from VSAC.
 * NOTE: fqm-execution 1.8.6 builds clause-level results on every call, about half of a warm call
 * on CMS125. Only its undocumented lower-level execution API would skip them.
 */
const fixedOptions = {
  calculateHTML: false,
  calculateClauseCoverage: false,
  calculateSDEs: false,
  calculateRAVs: false,
  useElmJsonsCaching: true,
} satisfies CalculationOptions;

/**
 * Creates an evaluator that runs an assembled measure Bundle (see `loadMeasureBundles`) with
 * fqm-execution. Each call evaluates one patient for one period, without the resources whose
 * evidence-review tag is `pending` or `rejected`, and returns the individual MeasureReport with
 * `measure` set to the Measure's canonical URL.
 */
export function createFqmMeasureEvaluator(bundle: Bundle, options: FqmMeasureEvaluatorOptions = {}): MeasureEvaluator {
  const measure = findMeasure(bundle);
  const improvementNotation = options.improvementNotation ?? readImprovementNotation(measure);
  if (!improvementNotation) {
    throw new Error(`Measure ${measure.url} states no improvement notation; set "increase" or "decrease" for it in the measure settings.`);
  }

  const patientSource = createPatientSource();
  let previousCall: Promise<unknown> = Promise.resolve();

  const evaluateNow = async (patientData: Bundle, period: MeasurementPeriod): Promise<MeasureReport> => {
    patientSource.reset();
    patientSource.loadBundles([dropUnreviewedEvidence(patientData)]);
    const calculation: CalculationOptions = { ...fixedOptions, patientSource, measurementPeriodStart: period.start, measurementPeriodEnd: period.end };

    const { results } = await Calculator.calculateIndividualMeasureReports(bundle, [], calculation);

    const report = results[0];
    if (results.length !== 1 || !report) {
      throw new FhirError("internal", `fqm-execution returned ${results.length} MeasureReports for Measure ${measure.url}; one patient Bundle should give one.`);
    }
    return { ...report, measure: measure.url };
  };

  return {
    measure,
    improvementNotation,
    async evaluate(patientData: Bundle, period: MeasurementPeriod): Promise<MeasureReport> {
      assertPeriod(period);
      assertOnePatient(patientData);

      // The patient source contains one patient at a time, so calls on one evaluator run one after
      // another. The queue only waits for the previous call; its caller receives that call's failure.
      const call = previousCall.then(() => evaluateNow(patientData, period));
      previousCall = call.catch(() => undefined);
      return call;
    },
  };
}

/**
 * Creates the cql-exec-fhir data source an evaluator reuses for every patient. Building one parses
 * the FHIR 4.0.1 model information, which took about half of each call when fqm-execution built a
 * new source per call. `requireProfileTagging` is off because stored resources rarely declare a
 * QI-Core profile in `meta.profile`, and with it on the engine would ignore every resource that
 * does not.
 */
function createPatientSource(): PatientSource {
  return PatientSource.FHIRv401({ requireProfileTagging: false });
}

function findMeasure(bundle: Bundle): Measure & { url: string } {
  const measure = bundle.entry?.map((entry) => entry.resource).find((resource): resource is Measure => resource?.resourceType === "Measure");
  if (!measure?.url) {
    throw new Error("The measure Bundle contains no Measure with a url; assemble it with loadMeasureBundles.");
  }
  return { ...measure, url: measure.url };
}

function assertOnePatient(patientData: Bundle): void {
  const patients = (patientData.entry ?? []).filter((entry) => entry.resource?.resourceType === "Patient").length;
  if (patients !== 1) {
    throw new FhirError("invalid", `The patient data Bundle contains ${patients} Patient resources; pass one Bundle per patient with exactly one Patient and that patient's resources.`);
  }
}

function assertPeriod(period: MeasurementPeriod): void {
  const start = parseCalendarDate(period.start);
  const end = parseCalendarDate(period.end);
  if (start === undefined || end === undefined || start > end) {
    throw new FhirError("invalid", `Measurement period ${period.start} to ${period.end} is invalid; give two dates as YYYY-MM-DD with the start on or before the end.`);
  }
}

/** Parses a FHIR date of the form YYYY-MM-DD to epoch milliseconds. Returns undefined for other text and for a day the month lacks. */
function parseCalendarDate(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? date.getTime() : undefined;
}
