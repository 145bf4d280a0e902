import type { Basic, Claim, Coverage, Observation, Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { FAR_FUTURE } from "./date-range";
import { extractIndexRows } from "./extract-index-rows";
import type { IndexRows } from "./index-rows";

function rowsOf<K extends keyof IndexRows>(rows: IndexRows, kind: K, param: string): IndexRows[K] {
  const list: IndexRows[K][number][] = rows[kind];
  return list.filter((row) => row.param === param) as IndexRows[K];
}

const patient = {
  resourceType: "Patient",
  id: "p1",
  meta: { tag: [{ system: "urn:lakeview:source", code: "synthea" }], profile: ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient|3.1.1"] },
  identifier: [
    { system: "urn:lakeview:member", value: "M-42" },
    { system: "urn:lakeview:member", value: "M-42" },
    { type: { text: "SSN" } },
  ],
  active: true,
  name: [{ family: "Gómez  Ruiz", given: ["José", "Ángel"], prefix: ["Mr."], text: "Mr. José Ángel Gómez" }],
  telecom: [{ system: "email", value: "jose@example.org" }, { system: "phone", value: "555-0100" }],
  gender: "male",
  birthDate: "1970-07-04",
  address: [{ line: ["1 Main St", "Apt 2"], city: "Zürich", postalCode: "8001", country: "CH" }],
  generalPractitioner: [{ reference: "Practitioner/d1/_history/2" }, { display: "Dr. Nobody" }],
  managingOrganization: { reference: "https://payer.example/fhir/Organization/o1" },
} satisfies Patient;

describe("extractIndexRows", () => {
  it("indexes identifiers as system and value, once", () => {
    const rows = extractIndexRows(patient);

    expect(rowsOf(rows, "tokens", "identifier")).toEqual([{ param: "identifier", system: "urn:lakeview:member", code: "M-42" }]);
  });

  it("indexes booleans and codes as tokens without a system", () => {
    const rows = extractIndexRows(patient);

    expect(rowsOf(rows, "tokens", "active")).toEqual([{ param: "active", system: "", code: "true" }]);
    expect(rowsOf(rows, "tokens", "gender")).toEqual([{ param: "gender", system: "", code: "male" }]);
    expect(rowsOf(rows, "tokens", "deceased")).toEqual([{ param: "deceased", system: "", code: "false" }]);
  });

  it("indexes contact points by value and filters by system", () => {
    const rows = extractIndexRows(patient);

    expect(rowsOf(rows, "tokens", "email")).toEqual([{ param: "email", system: "", code: "jose@example.org" }]);
    expect(rowsOf(rows, "tokens", "telecom").map((row) => row.code)).toEqual(["jose@example.org", "555-0100"]);
  });

  it("normalizes name parts", () => {
    const rows = extractIndexRows(patient);

    expect(rowsOf(rows, "strings", "name").map((row) => row.value)).toEqual(["gomez ruiz", "jose", "angel", "mr.", "mr. jose angel gomez"]);
    expect(rowsOf(rows, "strings", "family").map((row) => row.value)).toEqual(["gomez ruiz"]);
  });

  it("indexes every address part", () => {
    const rows = extractIndexRows(patient);

    expect(rowsOf(rows, "strings", "address").map((row) => row.value)).toEqual(["1 main st", "apt 2", "zurich", "8001", "ch"]);
    expect(rowsOf(rows, "strings", "address-city").map((row) => row.value)).toEqual(["zurich"]);
  });

  it("indexes a birth date as its whole day", () => {
    const rows = extractIndexRows(patient);

    expect(rowsOf(rows, "dates", "birthdate")).toEqual([
      { param: "birthdate", start: new Date("1970-07-04T00:00:00Z"), end: new Date("1970-07-05T00:00:00Z") },
    ]);
  });

  it("splits relative references and keeps absolute ones whole", () => {
    const rows = extractIndexRows(patient);

    expect(rowsOf(rows, "references", "general-practitioner")).toEqual([
      { param: "general-practitioner", targetType: "Practitioner", targetId: "d1", url: "" },
    ]);
    expect(rowsOf(rows, "references", "organization")).toEqual([
      { param: "organization", targetType: "", targetId: "", url: "https://payer.example/fhir/Organization/o1" },
    ]);
  });

  it("indexes meta tags and profiles", () => {
    const rows = extractIndexRows(patient);

    expect(rowsOf(rows, "tokens", "_tag")).toEqual([{ param: "_tag", system: "urn:lakeview:source", code: "synthea" }]);
    expect(rowsOf(rows, "uris", "_profile")).toEqual([
      { param: "_profile", value: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient|3.1.1" },
    ]);
  });

  it("indexes codings but not concept text", () => {
    const observation = {
      resourceType: "Observation",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "29463-7" }, { system: "http://snomed.info/sct", display: "no code" }], text: "Body weight" },
      subject: { reference: "Patient/p1" },
      effectivePeriod: { start: "2019-07-04T10:00:00+02:00" },
      valueQuantity: { value: 72.5, unit: "kg", system: "http://unitsofmeasure.org", code: "kg" },
    } satisfies Observation;

    const rows = extractIndexRows(observation);

    expect(rowsOf(rows, "tokens", "code")).toEqual([{ param: "code", system: "http://loinc.org", code: "29463-7" }]);
    expect(rowsOf(rows, "references", "patient")).toEqual([{ param: "patient", targetType: "Patient", targetId: "p1", url: "" }]);
    expect(rowsOf(rows, "dates", "date")).toEqual([{ param: "date", start: new Date("2019-07-04T08:00:00Z"), end: FAR_FUTURE }]);
    expect(rowsOf(rows, "quantities", "value-quantity")).toEqual([
      { param: "value-quantity", value: 72.5, system: "http://unitsofmeasure.org", code: "kg", unit: "kg" },
    ]);
  });

  it("indexes a patient param only for Patient references", () => {
    const observation = {
      resourceType: "Observation",
      status: "final",
      code: { text: "note" },
      subject: { reference: "Group/g1" },
    } satisfies Observation;

    const rows = extractIndexRows(observation);

    expect(rowsOf(rows, "references", "patient")).toEqual([]);
    expect(rowsOf(rows, "references", "subject")).toEqual([{ param: "subject", targetType: "Group", targetId: "g1", url: "" }]);
  });

  it("keeps urn references whole and skips identifier-only ones", () => {
    const coverage = {
      resourceType: "Coverage",
      status: "active",
      beneficiary: { reference: "urn:uuid:9a0d7938-4f49-43f6-8eea-b22e1bbe1b74" },
      payor: [{ identifier: { system: "urn:example:payer", value: "P1" } }],
    } satisfies Coverage;

    const rows = extractIndexRows(coverage);

    expect(rowsOf(rows, "references", "beneficiary")).toEqual([
      { param: "beneficiary", targetType: "", targetId: "", url: "urn:uuid:9a0d7938-4f49-43f6-8eea-b22e1bbe1b74" },
    ]);
    expect(rowsOf(rows, "references", "payor")).toEqual([]);
  });

  it("indexes a claim's created date to the second", () => {
    const claim = {
      resourceType: "Claim",
      status: "active",
      type: { text: "professional" },
      use: "claim",
      patient: { reference: "Patient/p1" },
      created: "2019-07-04T10:30:15-04:00",
      provider: { reference: "Organization/o1" },
      priority: { coding: [{ code: "normal" }] },
      insurance: [{ sequence: 1, focal: true, coverage: { reference: "Coverage/c1" } }],
    } satisfies Claim;

    const rows = extractIndexRows(claim);

    expect(rowsOf(rows, "dates", "created")).toEqual([
      { param: "created", start: new Date("2019-07-04T14:30:15Z"), end: new Date("2019-07-04T14:30:16Z") },
    ]);
    expect(rowsOf(rows, "tokens", "priority")).toEqual([{ param: "priority", system: "", code: "normal" }]);
  });

  it("indexes only the common params of other types", () => {
    const basic = {
      resourceType: "Basic",
      code: { text: "note" },
      subject: { reference: "Patient/p1" },
      meta: { tag: [{ code: "x" }] },
    } satisfies Basic;

    const rows = extractIndexRows(basic);

    expect(rows.references).toEqual([]);
    expect(rows.tokens).toEqual([{ param: "_tag", system: "", code: "x" }]);
  });
});
