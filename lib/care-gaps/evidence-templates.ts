import type { Coding } from "fhir/r4";

/** Result values a member enters with a report, beyond the date and place. */
export type EvidenceValueKind = "none" | "hba1c" | "blood-pressure";

/**
 * Storage of a member-reported service that closes one measure's gap: the resource type and code
 * the measure looks for, and the earliest date that still counts for a period.
 */
export interface EvidenceTemplate {
  resourceType: "Observation" | "Procedure" | "Immunization";
  code: Coding;
  /** Observation.category, so the measure finds a lab result or vital sign where it looks. */
  category?: Coding;
  values: EvidenceValueKind;
  /**
   * The first day a service counts for a measurement period: `month`/`day` of the year
   * `yearsBefore` years before the year the period starts in.
   */
  windowStart: { yearsBefore: number; month: number; day: number };
}

const loinc = "http://loinc.org";
const snomed = "http://snomed.info/sct";
const observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

/**
 * Evidence templates by Measure id. Codes come from the value sets of the eCQMs the measures
 * follow (2024 QI-Core editions): Mammography, Colonoscopy, Pap Test, HbA1c Laboratory Test and
 * Retinal or Dilated Eye Exam. Windows follow each measure's numerator. A mammogram counts from
 * October 1 two years before the period, a colonoscopy in the period or the 9 years before, and
 * cervical cytology in the period or the 2 years before. A retinal exam counts in the period or
 * the year before, and HbA1c and blood pressure only in the period itself.
 */
export const evidenceTemplates: Readonly<Record<string, EvidenceTemplate>> = {
  "lakeview-cms125": {
    resourceType: "Observation",
    code: { system: loinc, code: "24606-6", display: "MG Breast Screening" },
    values: "none",
    windowStart: { yearsBefore: 2, month: 10, day: 1 },
  },
  "lakeview-cms130": {
    resourceType: "Procedure",
    code: { system: snomed, code: "73761001", display: "Colonoscopy (procedure)" },
    values: "none",
    windowStart: { yearsBefore: 9, month: 1, day: 1 },
  },
  // NOTE: CMS124 counts a Pap test only with a result value, which the member does not report,
  // so accepted evidence closes this gap only once the reviewing care manager adds the result.
  "lakeview-cms124": {
    resourceType: "Observation",
    code: { system: loinc, code: "10524-7", display: "Microscopic observation [Identifier] in Cervix by Cyto stain" },
    category: { system: observationCategory, code: "laboratory" },
    values: "none",
    windowStart: { yearsBefore: 2, month: 1, day: 1 },
  },
  "lakeview-cms122": {
    resourceType: "Observation",
    code: { system: loinc, code: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood" },
    category: { system: observationCategory, code: "laboratory" },
    values: "hba1c",
    windowStart: { yearsBefore: 0, month: 1, day: 1 },
  },
  "lakeview-cms165": {
    resourceType: "Observation",
    code: { system: loinc, code: "85354-9", display: "Blood pressure panel with all children optional" },
    category: { system: observationCategory, code: "vital-signs" },
    values: "blood-pressure",
    windowStart: { yearsBefore: 0, month: 1, day: 1 },
  },
  // An Observation of category exam, as the 2024 CMS131 and the project's own measure read it.
  "lakeview-cms131": {
    resourceType: "Observation",
    code: { system: snomed, code: "722161008", display: "Diabetic retinal eye exam (procedure)" },
    category: { system: observationCategory, code: "exam" },
    values: "none",
    windowStart: { yearsBefore: 1, month: 1, day: 1 },
  },
  // NOTE: the window opens on August 1 of the year before, where the project's CMS147 evaluator
  // starts counting doses for the January to March season. The evaluator decides which doses count.
  "lakeview-cms147": {
    resourceType: "Immunization",
    code: { system: "http://hl7.org/fhir/sid/cvx", code: "88", display: "influenza virus vaccine, unspecified formulation" },
    values: "none",
    windowStart: { yearsBefore: 1, month: 8, day: 1 },
  },
};

/** Returns the evidence template of a measure, or null when members cannot report for it. */
export function getEvidenceTemplate(measureId: string): EvidenceTemplate | null {
  return Object.hasOwn(evidenceTemplates, measureId) ? (evidenceTemplates[measureId] ?? null) : null;
}

/** Returns the first day, as YYYY-MM-DD, that a service counts for the period starting on `periodStart` (YYYY-MM-DD). */
export function windowStartOf(template: EvidenceTemplate, periodStart: string): string {
  const year = Number(periodStart.slice(0, 4)) - template.windowStart.yearsBefore;
  const pad = (value: number): string => String(value).padStart(2, "0");
  return `${String(year).padStart(4, "0")}-${pad(template.windowStart.month)}-${pad(template.windowStart.day)}`;
}
