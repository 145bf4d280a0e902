/**
 * The worklist's risk score, a simple additive score for ordering outreach, not a validated
 * clinical model:
 *
 *   score = 2 × chronic conditions + 3 × inpatient stays + 2 × ER visits + 1 × open care gaps
 *
 * - chronic conditions: Conditions on the problem list (category problem-list-item) whose
 *   clinical status is active, recurrence or relapse;
 * - inpatient stays and ER visits: Encounters of class IMP, ACUTE or NONAC (inpatient) and EMER
 *   (emergency) that started in the 12 months before today;
 * - open care gaps: DetectedIssues coded CAREGAP whose status is preliminary.
 *
 * Bands: low below 4, medium from 4 to 7, high from 8.
 */
export const riskWeights = { chronicConditions: 2, inpatientStays: 3, emergencyVisits: 2, openGaps: 1 } as const;

/** Lowest score of the medium and of the high band. */
export const riskBandFloors = { medium: 4, high: 8 } as const;

export const riskBands = ["low", "medium", "high"] as const;

export type RiskBand = (typeof riskBands)[number];

/** The counts the risk score is computed from, shown beside it on the worklist. */
export interface RiskInputs {
  chronicConditions: number;
  inpatientStays: number;
  emergencyVisits: number;
  openGaps: number;
}

/** Encounter.class codes (v3-ActCode) counted as an inpatient stay and as an ER visit. */
export const inpatientClassCodes = ["IMP", "ACUTE", "NONAC"] as const;
export const emergencyClassCodes = ["EMER"] as const;

/** Condition.clinicalStatus codes that count a problem-list Condition as chronic and current. */
export const currentClinicalStatuses = ["active", "recurrence", "relapse"] as const;

/** Computes the risk score from its inputs; list-worklist-page.ts computes the same sum in SQL. */
export function computeRiskScore(inputs: RiskInputs): number {
  return (
    riskWeights.chronicConditions * inputs.chronicConditions +
    riskWeights.inpatientStays * inputs.inpatientStays +
    riskWeights.emergencyVisits * inputs.emergencyVisits +
    riskWeights.openGaps * inputs.openGaps
  );
}

/** Returns the band a score falls in. */
export function toRiskBand(score: number): RiskBand {
  if (score >= riskBandFloors.high) return "high";
  if (score >= riskBandFloors.medium) return "medium";
  return "low";
}
