import type { PractitionerInfo } from "./build-provider-directory";
import type { Code } from "./clinical-catalog";
import type { Prng } from "./create-prng";
import type { DemoMember } from "./demo-member";
import type { BillableService } from "./service-catalog";

/** The four CARIN claim shapes the generator produces. */
export type ClaimKind = "professional" | "inpatient" | "outpatient" | "pharmacy";

/** The member's cost-sharing rule for one line. */
export type CostShare =
  | { kind: "none" }
  | { kind: "copay"; cents: number }
  | { kind: "deductible-coinsurance" };

/** One claim line before adjudication; amounts are integer cents for the whole line. */
export interface ClaimLineDraft {
  service: BillableService;
  revenue: Code | null;
  quantity: number;
  day: number;
  submitted: number;
  allowed: number;
  costShare: CostShare;
  /** Denied lines are not covered: the member owes the whole charge and it does not count toward limits. */
  denied: boolean;
}

/** A clinician or organization on the claim's care team. */
export interface CareTeamEntry {
  reference: string;
  display: string;
  role: "rendering" | "attending" | "prescribing" | "referring";
  practitioner: PractitionerInfo | null;
}

/** Institutional claim codes from the UB-04 (NUBC) form. */
export interface InstitutionalCodes {
  typeOfBill: Code;
  admissionType: Code;
  pointOfOrigin: Code;
  dischargeStatus: Code;
}

/** Everything needed to adjudicate a claim and write it as an ExplanationOfBenefit. */
export interface ClaimDraft {
  id: string;
  kind: ClaimKind;
  member: DemoMember;
  billing: { organizationId: string; name: string };
  careTeam: CareTeamEntry[];
  startDay: number;
  endDay: number;
  receivedDay: number;
  processedDay: number;
  processedMinute: number;
  encounterId: string | null;
  prescriptionId: string | null;
  /** ICD-10-CM codes; the first is the principal diagnosis. */
  diagnoses: Code[];
  placeOfService: Code | null;
  institutional: InstitutionalCodes | null;
  pharmacy: { daysSupply: number; fillNumber: number; refillsAuthorized: number } | null;
  lines: ClaimLineDraft[];
}

/** CMS place-of-service codes used on professional claims. */
export const placesOfService = {
  office: { code: "11", display: "Office" },
  inpatientHospital: { code: "21", display: "Inpatient Hospital" },
  outpatientHospital: { code: "22", display: "On Campus-Outpatient Hospital" },
  emergencyRoom: { code: "23", display: "Emergency Room – Hospital" },
  surgicalCenter: { code: "24", display: "Ambulatory Surgical Center" },
  independentLab: { code: "81", display: "Independent Laboratory" },
} as const satisfies Record<string, Code>;

/**
 * Prices one line: the charge varies ±10% around the catalog price, as provider charges do,
 * while the allowed amount is the fixed contract rate, never above the charge.
 */
export function priceLine(
  prng: Prng,
  service: BillableService,
  day: number,
  costShare: CostShare,
  options: { quantity?: number; revenue?: Code; denied?: boolean } = {},
): ClaimLineDraft {
  const quantity = options.quantity ?? 1;
  const submitted = Math.round(service.submitted * quantity * prng.around(1, 0.1));
  const allowed = Math.min(submitted, service.allowed * quantity);
  return {
    service,
    revenue: options.revenue ?? null,
    quantity,
    day,
    submitted,
    allowed,
    costShare,
    denied: options.denied ?? false,
  };
}

/**
 * Returns when the plan received and processed a claim for services ending on `endDay`: a few days
 * to three weeks later, but never after the last day of the demo data.
 */
export function claimTiming(prng: Prng, endDay: number, lastDay: number): Pick<ClaimDraft, "receivedDay" | "processedDay" | "processedMinute"> {
  const receivedDay = Math.min(endDay + prng.int(1, 7), lastDay);
  return {
    receivedDay,
    processedDay: Math.min(receivedDay + prng.int(2, 14), lastDay),
    processedMinute: prng.int(6 * 60, 18 * 60),
  };
}
