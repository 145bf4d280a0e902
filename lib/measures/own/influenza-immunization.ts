import type { Immunization } from "fhir/r4";

import { instantInterval, withinDays } from "../logic/clinical-interval";
import { completedImmunizationsIn, completedProceduresIn, performedEncounters } from "../logic/clinical-queries";
import {
  annualWellnessVisit,
  homeHealthcareServices,
  officeVisit,
  outpatientConsultation,
  preventiveEstablished18Up,
  preventiveInitial18Up,
  preventiveUnder18,
  telephoneVisits,
  virtualEncounter,
} from "../logic/encounter-value-sets";
import type { PatientRecord } from "../logic/patient-record";
import { hasEncounterDuringPeriod, hasHospiceServices } from "../logic/shared-criteria";
import { conceptInValueSets, defineValueSet } from "../logic/value-set";
import type { OwnMeasureDefinition } from "../own-measure-definition";

const influenzaVaccine = defineValueSet("Influenza Vaccine", "2.16.840.1.113883.3.526.3.1254", {
  cvx: ["88", "135", "140", "141", "144", "150", "153", "155", "158", "161", "166", "168", "171", "185", "186", "197", "200", "201", "202", "205", "231"],
});
const influenzaVaccination = defineValueSet("Influenza Vaccination", "2.16.840.1.113883.3.526.3.402", {
  cpt: ["90630", "90653", "90654", "90655", "90656", "90657", "90658", "90660", "90661", "90662", "90672", "90673", "90674", "90682", "90685", "90686", "90687", "90688", "90689", "90694", "90756"],
  hcpcs: ["G0008", "Q2035", "Q2036", "Q2037", "Q2038", "Q2039"],
  snomed: ["86198006"],
});

const fluSeasonEncounters = [officeVisit, outpatientConsultation, preventiveEstablished18Up, preventiveInitial18Up, preventiveUnder18, homeHealthcareServices, annualWellnessVisit, telephoneVisits, virtualEncounter];

/** Immunization.statusReason codes (v3 ActReason) that make a vaccine not given an exception. */
const exceptionReasons = new Set(["MEDPREC", "PATOBJ", "OSTOCK", "IMMUNE", "PHILISOP", "RELIG", "VACEFF", "VACSAF"]);
const actReasonSystem = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

/**
 * CMS147 Preventive Care and Screening: Influenza Immunization. Patients 6 months and older seen
 * during a flu season, who got (or reported) an influenza vaccine for that season.
 */
export const influenzaImmunization: OwnMeasureDefinition = {
  id: "lakeview-cms147",
  cmsKey: "CMS147",
  cmsVersion: "CMS147v14",
  title: "Preventive Care and Screening: Influenza Immunization",
  description:
    "Patients 6 months of age and older seen for a visit in the measurement period, with a visit in a flu season (January 1 to March 31 or October 1 to December 31 of the period), who received an influenza immunization for that season (from August 1 of the preceding year for the January to March season, from August 1 of the period's year for the October to December one). Exceptions: the vaccine not given for a medical reason, patient refusal or lack of supply. Excludes hospice.",
  improvementNotation: "increase",
  hasException: true,
  criteria: (record) => {
    const seasons = fluSeasonsWithVisit(record);
    return {
      initialPopulation: isAtLeastSixMonthsOld(record) && hasEncounterDuringPeriod(record, fluSeasonEncounters) && seasons.length > 0,
      denominatorExclusion: hasHospiceServices(record),
      numerator: seasons.some((season) => hasInfluenzaVaccination(record, season)),
      denominatorException: seasons.some((season) => hasVaccineNotGivenForReason(record, season)),
    };
  },
};

/** A flu season with the window its vaccinations count in. */
export interface FluSeason {
  visitFrom: number;
  visitTo: number;
  vaccineFrom: number;
}

/**
 * Lists the two flu seasons a calendar-year measurement period holds: January 1 to March 31 (vaccine
 * from August 1 of the year before) and October 1 to December 31 (vaccine from August 1).
 * NOTE: the season windows follow CMS147's published description of a flu season (October 1 to
 * March 31, with vaccines given from August 1). No published QI-Core test deck checks them.
 */
export function fluSeasons(record: PatientRecord): FluSeason[] {
  const year = new Date(record.window.start).getUTCFullYear();
  return [
    { visitFrom: Date.UTC(year, 0, 1), visitTo: Date.UTC(year, 2, 31, 23, 59, 59, 999), vaccineFrom: Date.UTC(year - 1, 7, 1) },
    { visitFrom: Date.UTC(year, 9, 1), visitTo: Date.UTC(year, 11, 31, 23, 59, 59, 999), vaccineFrom: Date.UTC(year, 7, 1) },
  ];
}

function fluSeasonsWithVisit(record: PatientRecord): FluSeason[] {
  const encounters = performedEncounters(record, fluSeasonEncounters);
  return fluSeasons(record).filter((season) => encounters.some(({ interval }) => withinDays(interval, season.visitFrom, season.visitTo)));
}

function isAtLeastSixMonthsOld(record: PatientRecord): boolean {
  const born = instantInterval(record.patient.birthDate)?.start;
  if (born === undefined || born === null) return false;
  const birth = new Date(born);
  const sixMonths = Date.UTC(birth.getUTCFullYear(), birth.getUTCMonth() + 6, birth.getUTCDate());
  return sixMonths <= record.window.start;
}

function hasInfluenzaVaccination(record: PatientRecord, season: FluSeason): boolean {
  const immunized = completedImmunizationsIn(record, [influenzaVaccine]).some(({ interval }) => withinDays(interval, season.vaccineFrom, season.visitTo));
  const procedure = completedProceduresIn(record, [influenzaVaccination]).some(({ interval }) => withinDays(interval, season.vaccineFrom, season.visitTo));
  return immunized || procedure;
}

function hasVaccineNotGivenForReason(record: PatientRecord, season: FluSeason): boolean {
  return record.list("Immunization").some((immunization) => isNotDoneForReason(immunization) && withinDays(instantInterval(immunization.occurrenceDateTime ?? immunization.recorded), season.vaccineFrom, season.visitTo));
}

function isNotDoneForReason(immunization: Immunization): boolean {
  if (immunization.status !== "not-done" || !conceptInValueSets(immunization.vaccineCode, [influenzaVaccine])) return false;
  return (immunization.statusReason?.coding ?? []).some((coding) => coding.system === actReasonSystem && exceptionReasons.has(coding.code ?? ""));
}
