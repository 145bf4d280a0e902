import type { RiskBand, RiskInputs } from "./risk-score";

/** One panel member on the care manager's worklist. */
export interface WorklistRow {
  patientId: string;
  /** Display name; null when the Patient has no name with any text. */
  name: string | null;
  /** Whole years on the day the page was listed; null without a usable birth date. */
  age: number | null;
  risk: { score: number; band: RiskBand; inputs: RiskInputs };
  /** `sent` of the latest Communication about the patient other than a care note, as an ISO instant; null when there is none. */
  lastContact: string | null;
  openTasks: number;
}

/** One page of the worklist with the number of panel members the filters match. */
export interface WorklistPage {
  rows: WorklistRow[];
  total: number;
  page: number;
  pageSize: number;
}
