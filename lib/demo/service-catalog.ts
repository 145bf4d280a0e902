import type { Code } from "./clinical-catalog";
import { codeSystems } from "./code-systems";

/** A billable procedure or supply with the provider's charge and the plan's allowed amount, in cents. */
export interface BillableService {
  system: string;
  code: string;
  display: string;
  submitted: number;
  allowed: number;
}

type ServiceRow = readonly [code: string, display: string, submitted: number, allowed: number];

const cpt = ([code, display, submitted, allowed]: ServiceRow): BillableService => ({ system: codeSystems.cpt, code, display, submitted, allowed });
const hcpcs = ([code, display, submitted, allowed]: ServiceRow): BillableService => ({ system: codeSystems.hcpcs, code, display, submitted, allowed });

/** A facility line with no procedure code (room and board, supplies); CARIN codes these as not-applicable. */
const facility = (display: string, submitted: number, allowed: number): BillableService => ({
  system: codeSystems.dataAbsentReason, code: "not-applicable", display, submitted, allowed,
});

// Charges and allowed amounts are invented but in proportion to typical commercial rates.
export const services = {
  officeVisitLow: cpt(["99213", "Office visit, established patient, low complexity", 16_500, 9_800]),
  officeVisitModerate: cpt(["99214", "Office visit, established patient, moderate complexity", 24_500, 14_200]),
  preventiveInfant: cpt(["99391", "Periodic preventive visit, established patient, under age 1", 19_000, 11_500]),
  preventiveAge1to4: cpt(["99392", "Periodic preventive visit, established patient, age 1-4", 21_000, 12_500]),
  preventiveAge5to11: cpt(["99393", "Periodic preventive visit, established patient, age 5-11", 21_000, 12_800]),
  preventiveAge12to17: cpt(["99394", "Periodic preventive visit, established patient, age 12-17", 23_000, 13_500]),
  preventiveAge18to39: cpt(["99395", "Periodic preventive visit, established patient, age 18-39", 26_000, 15_500]),
  preventiveAge40to64: cpt(["99396", "Periodic preventive visit, established patient, age 40-64", 28_000, 16_500]),
  preventiveAge65Plus: cpt(["99397", "Periodic preventive visit, established patient, age 65 and over", 30_000, 17_800]),
  hemoglobinA1c: cpt(["83036", "Hemoglobin A1c (glycated hemoglobin) test", 4_800, 1_300]),
  lipidPanel: cpt(["80061", "Lipid panel", 7_500, 1_800]),
  metabolicPanel: cpt(["80053", "Comprehensive metabolic panel", 6_000, 1_450]),
  bloodCount: cpt(["85025", "Complete blood count with automated differential", 4_000, 1_050]),
  venipuncture: cpt(["36415", "Collection of venous blood by venipuncture", 2_000, 300]),
  rapidStrepTest: cpt(["87880", "Rapid strep test (Streptococcus group A antigen)", 4_500, 1_650]),
  urinalysis: cpt(["81002", "Urinalysis by dipstick, non-automated, without microscopy", 2_200, 350]),
  ankleXray: cpt(["73610", "X-ray of ankle, complete, 3 or more views", 18_000, 4_500]),
  chestXray: cpt(["71046", "X-ray of chest, 2 views", 21_000, 4_800]),
  electrocardiogram: cpt(["93000", "Electrocardiogram, routine, with interpretation and report", 9_500, 1_700]),
  nebulizerTreatment: cpt(["94640", "Inhalation treatment for airway obstruction (nebulizer)", 9_000, 1_800]),
  emergencyVisitLow: cpt(["99283", "Emergency department visit, low complexity", 32_000, 11_500]),
  emergencyVisitModerate: cpt(["99284", "Emergency department visit, moderate complexity", 52_000, 18_500]),
  emergencyVisitHigh: cpt(["99285", "Emergency department visit, high complexity", 78_000, 27_000]),
  hospitalAdmission: cpt(["99223", "Initial hospital inpatient care, high complexity", 45_000, 21_000]),
  hospitalDaily: cpt(["99232", "Subsequent hospital inpatient care, moderate complexity", 19_000, 9_800]),
  hospitalDischarge: cpt(["99238", "Hospital discharge day management, 30 minutes or less", 18_000, 9_000]),
  colonoscopy: cpt(["45378", "Colonoscopy, flexible, diagnostic", 150_000, 48_000]),
  screeningMammogram: cpt(["77067", "Screening mammography, bilateral, including CAD when performed", 48_000, 19_500]),
  colonoscopyAnesthesia: cpt(["00812", "Anesthesia for screening colonoscopy", 95_000, 36_000]),
  walkingBoot: hcpcs(["L4361", "Walking boot, pneumatic or vacuum, prefabricated, off-the-shelf", 24_000, 11_000]),
  dexamethasoneInjection: hcpcs(["J1100", "Injection, dexamethasone sodium phosphate, 1 mg", 1_200, 300]),
  nonCoveredItem: hcpcs(["A9270", "Non-covered item or service", 9_500, 0]),
  roomAndBoard: facility("Room and board, semi-private, per day", 320_000, 150_000),
  hospitalPharmacy: facility("Inpatient pharmacy", 180_000, 60_000),
  recoveryRoom: facility("Recovery room", 60_000, 21_000),
} as const satisfies Record<string, BillableService>;

/** NUBC revenue codes for institutional claim lines. */
export const revenueCodes = {
  roomAndBoard: { code: "0120", display: "Room & Board - Semi-Private Two Beds, General" },
  pharmacy: { code: "0250", display: "Pharmacy, General" },
  drugsDetailedCoding: { code: "0636", display: "Drugs Requiring Detailed Coding" },
  laboratory: { code: "0300", display: "Laboratory, General" },
  radiology: { code: "0320", display: "Radiology - Diagnostic, General" },
  chestXray: { code: "0324", display: "Radiology - Diagnostic, Chest X-Ray" },
  screeningMammography: { code: "0403", display: "Other Imaging Services, Screening Mammography" },
  respiratory: { code: "0410", display: "Respiratory Services, General" },
  emergencyRoom: { code: "0450", display: "Emergency Room, General" },
  anesthesia: { code: "0370", display: "Anesthesia, General" },
  recoveryRoom: { code: "0710", display: "Recovery Room, General" },
  electrocardiogram: { code: "0730", display: "EKG/ECG, General" },
  gastrointestinal: { code: "0750", display: "Gastrointestinal Services, General" },
} as const satisfies Record<string, Code>;

/** ICD-10-CM codes for encounters that are not about a disease. */
export const encounterReasons = {
  adultExam: { code: "Z00.00", display: "Encounter for general adult medical examination without abnormal findings" },
  childExam: { code: "Z00.129", display: "Encounter for routine child health examination without abnormal findings" },
  screeningMammogram: { code: "Z12.31", display: "Encounter for screening mammogram for malignant neoplasm of breast" },
  screeningColon: { code: "Z12.11", display: "Encounter for screening for malignant neoplasm of colon" },
} as const satisfies Record<string, Code>;

/** Returns the preventive visit code for an age in years. */
export function preventiveVisitFor(age: number): BillableService {
  if (age < 1) return services.preventiveInfant;
  if (age < 5) return services.preventiveAge1to4;
  if (age < 12) return services.preventiveAge5to11;
  if (age < 18) return services.preventiveAge12to17;
  if (age < 40) return services.preventiveAge18to39;
  if (age < 65) return services.preventiveAge40to64;
  return services.preventiveAge65Plus;
}
