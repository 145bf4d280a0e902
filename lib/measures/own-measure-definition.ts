import type { PatientRecord } from "./logic/patient-record";

/** The populations one patient falls into, before the proportion rules combine them. */
export interface PopulationCriteria {
  initialPopulation: boolean;
  denominatorExclusion: boolean;
  numerator: boolean;
  denominatorException?: boolean;
}

/**
 * One of Lakeview's own measures, written from the CMS eCQM specification it names. `criteria`
 * is called with the patient's record; exclusion, numerator and exception are only read when
 * the patient is in the initial population.
 */
export interface OwnMeasureDefinition {
  /** Store id, such as "lakeview-cms125". */
  id: string;
  /** CMS number, such as "CMS125". */
  cmsKey: string;
  /** The eCQM version the logic follows, such as "CMS125v13". */
  cmsVersion: string;
  title: string;
  description: string;
  improvementNotation: "increase" | "decrease";
  /** Whether the measure defines a denominator exception (only CMS147 of the own measures). */
  hasException: boolean;
  criteria(record: PatientRecord): PopulationCriteria;
}
