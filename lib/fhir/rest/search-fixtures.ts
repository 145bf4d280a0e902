import type { FhirResource } from "fhir/r4";

import type { Database } from "../../db/database";
import { FhirStore } from "../store/fhir-store";

const LOINC = "http://loinc.org";
const UCUM = "http://unitsofmeasure.org";
const MEMBER_ID = "http://lakeview.example/member-id";

/**
 * Small hand-written resources for the search conformance tests: three patients, their
 * observations, a practitioner and an organization. Each case's expected ids follow from these.
 */
export const SEARCH_FIXTURES = [
  {
    resourceType: "Patient",
    id: "pat-ana",
    meta: { profile: ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"] },
    identifier: [{ system: MEMBER_ID, value: "M-100" }],
    name: [{ family: "Gómez", given: ["Ana", "María"] }],
    gender: "female",
    birthDate: "1980-05-17",
    generalPractitioner: [{ reference: "Practitioner/dr-smith" }],
    managingOrganization: { reference: "Organization/org-clinic" },
  },
  {
    resourceType: "Patient",
    id: "pat-ben",
    identifier: [{ system: MEMBER_ID, value: "M-200" }],
    name: [{ family: "GOMEZ-LEE", given: ["Ben"] }],
    gender: "male",
    birthDate: "1975-01",
    managingOrganization: { reference: "Organization/org-clinic" },
  },
  {
    resourceType: "Patient",
    id: "pat-cruz",
    identifier: [{ value: "M-300" }],
    name: [{ family: "Cruz", given: ["José"] }],
    birthDate: "1990-12-31",
  },
  { resourceType: "Practitioner", id: "dr-smith", name: [{ family: "Smith", given: ["Pat"] }] },
  { resourceType: "Organization", id: "org-clinic", name: "Lakeview Clinic" },
  {
    resourceType: "Observation",
    id: "obs-a1c-month",
    status: "final",
    code: { coding: [{ system: LOINC, code: "4548-4" }] },
    subject: { reference: "Patient/pat-ana" },
    performer: [{ reference: "Practitioner/dr-smith" }],
    effectiveDateTime: "2019-07",
    valueQuantity: { value: 6.8, unit: "%", system: UCUM, code: "%" },
  },
  {
    resourceType: "Observation",
    id: "obs-a1c-day",
    status: "final",
    code: { coding: [{ system: LOINC, code: "4548-4" }] },
    subject: { reference: "Patient/pat-ana" },
    effectiveDateTime: "2019-07-15T10:00:00Z",
    valueQuantity: { value: 7.2, unit: "%", system: UCUM, code: "%" },
  },
  {
    resourceType: "Observation",
    id: "obs-bp",
    status: "amended",
    code: { coding: [{ system: LOINC, code: "8480-6" }] },
    subject: { reference: "Patient/pat-ben" },
    effectiveDateTime: "2020-01-01",
    valueQuantity: { value: 120, unit: "mmHg", system: UCUM, code: "mm[Hg]" },
  },
  {
    resourceType: "Observation",
    id: "obs-local",
    status: "final",
    code: { coding: [{ code: "local-1" }] },
    subject: { reference: "Patient/pat-cruz" },
    effectivePeriod: { start: "2018-01-01", end: "2018-12-31" },
  },
  {
    resourceType: "Observation",
    id: "obs-offset",
    status: "preliminary",
    code: { coding: [{ system: LOINC, code: "2339-0" }] },
    subject: { reference: "Patient/pat-ana" },
    effectiveDateTime: "2021-03-04T00:30:00+05:00",
    valueQuantity: { value: 95, unit: "mg/dL", system: UCUM, code: "mg/dL" },
  },
] satisfies FhirResource[];

/** The instant the fixtures' first version is stored at; each later write is one second on. */
export const FIXTURE_CLOCK_START = Date.parse("2026-01-01T00:00:00Z");

/** Stores the fixtures one by one with a clock that ticks one second per write. */
export async function loadSearchFixtures(db: Database): Promise<void> {
  let tick = FIXTURE_CLOCK_START;
  const store = new FhirStore(db, () => new Date((tick += 1000)));
  for (const resource of SEARCH_FIXTURES) {
    await store.update(resource);
  }
}
