import type { Bundle, Measure, MeasureGroupPopulation, MeasureReport, MeasureReportGroupPopulation } from "fhir/r4";

import { toPatientRecord } from "./logic/patient-record";
import { toMeasurementWindow } from "./logic/measurement-window";
import type { MeasureEvaluator, MeasurementPeriod } from "./measure-evaluator";
import { measurePopulationSystem, type MeasurePopulationCode, type MeasurePopulations } from "./measure-populations";
import type { OwnMeasureDefinition, PopulationCriteria } from "./own-measure-definition";

/** Base of the canonical URLs of Lakeview's own Measure resources. */
export const ownMeasureUrlBase = "https://lakeview.example/fhir/Measure/";

const improvementNotationSystem = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";

/** Wraps an own measure definition as a MeasureEvaluator with its Measure resource. */
export function createOwnMeasureEvaluator(definition: OwnMeasureDefinition): MeasureEvaluator {
  const measure = toMeasureResource(definition);
  return {
    measure,
    improvementNotation: definition.improvementNotation,
    evaluate: (patientData: Bundle, period: MeasurementPeriod): Promise<MeasureReport> => {
      const record = toPatientRecord(patientData, toMeasurementWindow(period));
      const populations = combinePopulations(definition.criteria(record), definition.hasException);
      return Promise.resolve(toIndividualReport(measure, record.patient.id ?? "", period, populations));
    },
  };
}

/**
 * Applies the proportion-measure rules. The denominator is the initial population, and exclusion
 * is read only in the denominator. The numerator counts only when not excluded, and an exception
 * only when neither excluded nor in the numerator.
 */
export function combinePopulations(criteria: PopulationCriteria, hasException: boolean): MeasurePopulations {
  const initial = criteria.initialPopulation;
  const excluded = initial && criteria.denominatorExclusion;
  const numerator = initial && !excluded && criteria.numerator;
  const exception = hasException && initial && !excluded && !numerator && criteria.denominatorException === true;
  return {
    "initial-population": Number(initial),
    denominator: Number(initial),
    "denominator-exclusion": Number(excluded),
    "denominator-exception": Number(exception),
    numerator: Number(numerator),
    "numerator-exclusion": 0,
  };
}

function toMeasureResource(definition: OwnMeasureDefinition): Measure {
  const populationCodes: MeasurePopulationCode[] = ["initial-population", "denominator", "denominator-exclusion", "numerator"];
  if (definition.hasException) populationCodes.push("denominator-exception");
  return {
    resourceType: "Measure",
    id: definition.id,
    url: `${ownMeasureUrlBase}${definition.id}`,
    version: definition.cmsVersion,
    name: definition.cmsKey,
    title: definition.title,
    status: "active",
    experimental: false,
    description: definition.description,
    identifier: [{ system: "https://lakeview.example/fhir/sid/cms-ecqm", value: definition.cmsVersion }],
    scoring: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/measure-scoring", code: "proportion" }] },
    type: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/measure-type", code: definition.cmsKey === "CMS165" || definition.cmsKey === "CMS122" ? "outcome" : "process" }] }],
    improvementNotation: { coding: [{ system: improvementNotationSystem, code: definition.improvementNotation }] },
    group: [{ population: populationCodes.map((code) => toMeasurePopulation(definition, code)) }],
  };
}

/**
 * Builds a population of the Measure resource. Its criteria name the TypeScript evaluator,
 * because the own measures carry no CQL. The Measure's `description` states the logic in words.
 */
function toMeasurePopulation(definition: OwnMeasureDefinition, code: MeasurePopulationCode): MeasureGroupPopulation {
  return {
    code: { coding: [{ system: measurePopulationSystem, code }] },
    criteria: { language: "text/plain", expression: `lib/measures/own ${definition.cmsKey} ${code}` },
  };
}

function toIndividualReport(measure: Measure, patientId: string, period: MeasurementPeriod, populations: MeasurePopulations): MeasureReport {
  const population: MeasureReportGroupPopulation[] = (Object.entries(populations) as [MeasurePopulationCode, number][])
    .filter(([code]) => measure.group?.[0]?.population?.some((defined) => defined.code?.coding?.[0]?.code === code))
    .map(([code, count]) => ({ code: { coding: [{ system: measurePopulationSystem, code }] }, count }));
  return {
    resourceType: "MeasureReport",
    status: "complete",
    type: "individual",
    measure: measure.url ?? "",
    subject: { reference: `Patient/${patientId}` },
    period: { start: period.start, end: period.end },
    improvementNotation: measure.improvementNotation,
    group: [{ population }],
  };
}
