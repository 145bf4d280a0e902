import type { InstitutionalCodes } from "./claim-draft";

// NUBC UB-04 codes: type of bill 0111 / 0131 (hospital inpatient / outpatient, admit through
// discharge), priority of admission 1 (emergency) / 3 (elective), point of origin 1 (non-health-care
// facility), discharge status 01 (home or self care).
const pointOfOrigin = { code: "1", display: "Non-Health Care Facility Point of Origin" };
const dischargedHome = { code: "01", display: "Discharged to Home or Self Care (Routine Discharge)" };

/** UB-04 codes for the institutional claims the generator produces. */
export const institutionalCodes = {
  emergencyOutpatient: {
    typeOfBill: { code: "0131", display: "Hospital Outpatient, Admit Through Discharge Claim" },
    admissionType: { code: "1", display: "Emergency" },
    pointOfOrigin,
    dischargeStatus: dischargedHome,
  },
  electiveOutpatient: {
    typeOfBill: { code: "0131", display: "Hospital Outpatient, Admit Through Discharge Claim" },
    admissionType: { code: "3", display: "Elective" },
    pointOfOrigin,
    dischargeStatus: dischargedHome,
  },
  emergencyInpatient: {
    typeOfBill: { code: "0111", display: "Hospital Inpatient (Including Medicare Part A), Admit Through Discharge Claim" },
    admissionType: { code: "1", display: "Emergency" },
    pointOfOrigin,
    dischargeStatus: dischargedHome,
  },
} as const satisfies Record<string, InstitutionalCodes>;
