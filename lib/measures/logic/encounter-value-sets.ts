import { defineValueSet } from "./value-set";

// Code lists for the encounters that put a patient into a measure's initial population. Each is a
// short subset of the CMS value set named by its OID, drawn from the 2025 eCQM specifications.

export const officeVisit = defineValueSet("Office Visit", "2.16.840.1.113883.3.464.1003.101.12.1001", {
  cpt: ["99202", "99203", "99204", "99205", "99212", "99213", "99214", "99215"],
  snomed: ["185463005", "185464004", "185465003", "30346009", "3391000175108", "37894004", "439740005"],
});

export const annualWellnessVisit = defineValueSet("Annual Wellness Visit", "2.16.840.1.113883.3.526.3.1240", {
  hcpcs: ["G0438", "G0439"],
  snomed: ["444971000124105", "456201000124103", "86013001", "90526000"],
});

export const preventiveEstablished18Up = defineValueSet("Preventive Care Services Established Office Visit, 18 and Up", "2.16.840.1.113883.3.464.1003.101.12.1025", {
  cpt: ["99395", "99396", "99397"],
});

export const preventiveInitial18Up = defineValueSet("Preventive Care Services Initial Office Visit, 18 and Up", "2.16.840.1.113883.3.464.1003.101.12.1023", {
  cpt: ["99385", "99386", "99387"],
});

export const preventiveUnder18 = defineValueSet("Preventive Care, Under 18", "2.16.840.1.113883.3.464.1003.101.12.1022", {
  cpt: ["99381", "99382", "99383", "99384", "99391", "99392", "99393", "99394"],
});

export const homeHealthcareServices = defineValueSet("Home Healthcare Services", "2.16.840.1.113883.3.464.1003.101.12.1016", {
  cpt: ["99341", "99342", "99344", "99345", "99347", "99348", "99349", "99350"],
  snomed: ["185460008", "185462000", "185466002", "185467006", "185468001", "185470005", "225929007", "315205008", "439708006", "698704008", "704126008"],
});

export const virtualEncounter = defineValueSet("Virtual Encounter", "2.16.840.1.113883.3.464.1003.101.12.1089", {
  cpt: ["98970", "98971", "98972", "98980", "98981", "99421", "99422", "99423", "99457", "99458"],
  hcpcs: ["G0071", "G2010", "G2012", "G2250", "G2251", "G2252"],
});

export const telephoneVisits = defineValueSet("Telephone Visits", "2.16.840.1.113883.3.464.1003.101.12.1080", {
  cpt: ["98966", "98967", "98968", "99441", "99442", "99443"],
  snomed: ["185317003", "314849005", "386472008", "386473003", "401267002"],
});

export const ophthalmologicalServices = defineValueSet("Ophthalmological Services", "2.16.840.1.113883.3.526.3.1285", {
  cpt: ["92002", "92004", "92012", "92014"],
  snomed: ["36228007", "78831002", "18629005"],
});

export const outpatientConsultation = defineValueSet("Outpatient Consultation", "2.16.840.1.113883.3.464.1003.101.12.1008", {
  cpt: ["99242", "99243", "99244", "99245"],
  snomed: ["281036007", "77406008", "3391000175108"],
});

export const encounterInpatient = defineValueSet("Encounter Inpatient", "2.16.840.1.113883.3.666.5.307", {
  snomed: ["183452005", "32485007", "8715000"],
});

export const emergencyDepartmentVisit = defineValueSet("Emergency Department Evaluation and Management Visit", "2.16.840.1.113883.3.464.1003.101.12.1010", {
  cpt: ["99281", "99282", "99283", "99284", "99285"],
  snomed: ["4525004"],
});
