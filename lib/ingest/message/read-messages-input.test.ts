import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type { Claim, Encounter, ExplanationOfBenefit, Immunization, Observation, Patient, Provenance } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { hasSampleData, SAMPLE_DATA_DIR } from "../../fhir/read-sample-resources";
import { readMessagesInput } from "./read-messages-input";

const hl7Dir = path.join(SAMPLE_DATA_DIR, "hl7v2/microsoft-fhir-converter");
const x12Dir = path.join(SAMPLE_DATA_DIR, "x12/linuxforhealth-x12");
const hl7Files = hasSampleData() ? readdirSync(hl7Dir) : [];
const x12Files = hasSampleData() ? readdirSync(x12Dir).flatMap((folder) => readdirSync(path.join(x12Dir, folder)).map((name) => path.join(folder, name))) : [];

function convert(format: "hl7v2" | "x12", file: string) {
  return readMessagesInput(format, readFileSync(path.join(format === "hl7v2" ? hl7Dir : x12Dir, file), "utf8"));
}

function resources<T>(format: "hl7v2" | "x12", file: string, type: string): T[] {
  return convert(format, file).messages.flatMap((message) => message.entries.flatMap((entry) => (entry.resource?.resourceType === type ? [entry.resource as T] : [])));
}

describe.skipIf(!hasSampleData())("readMessagesInput on the samples", () => {
  it.each(hl7Files)("converts HL7 v2 %s without failures", (file) => {
    const input = convert("hl7v2", file);

    expect(input.failures).toEqual([]);
    expect(input.messages.length).toBeGreaterThan(0);
  });

  it.each(x12Files)("converts X12 %s without failures", (file) => {
    const input = convert("x12", file);

    expect(input.failures).toEqual([]);
    expect(input.messages.length).toBeGreaterThan(0);
  });

  it("maps ADT A01 patient and encounter", () => {
    const [patient] = resources<Patient>("hl7v2", "ADT-A01-01.hl7", "Patient");
    const [encounter] = resources<Encounter>("hl7v2", "ADT-A01-01.hl7", "Encounter");

    expect(patient?.identifier?.[0]).toEqual({ value: "PATID1234", system: "urn:oid:2.16.1", type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }] }, assigner: { display: "test1" } });
    expect(patient?.identifier?.[1]).toMatchObject({ value: "123456789", system: "http://hl7.org/fhir/sid/us-ssn" });
    expect(patient?.name?.[0]?.family).toBe("EVERYMAN");
    expect(patient?.name?.[0]?.given).toEqual(["ADAM", "A"]);
    expect(patient?.gender).toBe("male");
    expect(encounter?.status).toBe("in-progress");
    expect(encounter?.class.code).toBe("PRENC");
    expect(encounter?.location?.[0]?.location.reference).toMatch(/^urn:uuid:/);
  });

  it("links both patients of an A40 merge", () => {
    const [survivor, merged] = resources<Patient>("hl7v2", "ADT-A40-01.hl7", "Patient").reverse();
    const message = convert("hl7v2", "ADT-A40-01.hl7").messages[0];

    expect(survivor?.identifier?.[0]?.value).toBe("12345");
    expect(merged?.identifier?.[0]?.value).toBe("56789");
    expect(merged?.active).toBe(false);
    expect(survivor?.link?.[0]).toEqual({ other: { reference: message?.entries[0]?.fullUrl }, type: "replaces" });
    expect(merged?.link?.[0]).toEqual({ other: { reference: message?.entries[1]?.fullUrl }, type: "replaced-by" });
  });

  it("maps ORU values, units and ranges", () => {
    const observations = resources<Observation>("hl7v2", "ORU-R01-01.hl7", "Observation");
    const culture = observations.find((observation) => observation.valueCodeableConcept);

    expect(culture?.status).toBe("preliminary");
    expect(culture?.code.coding?.[0]).toEqual({ code: "625-4", display: "Bacteria identified in Stool by Culture", system: "urn:lakeview:hl7v2:code-system:XYZ" });
    expect(culture?.valueCodeableConcept?.coding?.[0]).toEqual({ code: "27268008", display: "Salmonella", system: "http://snomed.info/sct" });
    expect(culture?.referenceRange?.[0]).toEqual({ low: { value: 70, unit: "beats/min", system: "http://unitsofmeasure.org", code: "/min" }, high: { value: 80, unit: "beats/min", system: "http://unitsofmeasure.org", code: "/min" }, text: "70-80" });
    expect(culture?.interpretation?.[0]?.coding?.[0]?.code).toBe("A");
  });

  it("maps a VXU immunization", () => {
    const [immunization] = resources<Immunization>("hl7v2", "IZ_1_1.1_Admin_Child_Max_Message.hl7", "Immunization");

    expect(immunization?.status).toBe("completed");
    expect(immunization?.vaccineCode.coding?.[0]).toEqual({ code: "140", display: "Influenza, seasonal, injectable, preservative free", system: "http://hl7.org/fhir/sid/cvx" });
    expect(immunization?.occurrenceDateTime).toBe("2012-08-14");
    expect(immunization?.lotNumber).toBe("Z0860BB");
    expect(immunization?.expirationDate).toBe("2012-11-04");
    expect(immunization?.doseQuantity).toEqual({ value: 0.5, unit: "MilliLiter [SI Volume Units]", system: "http://unitsofmeasure.org", code: "mL" });
    expect(immunization?.primarySource).toBe(true);
    expect(immunization?.route?.coding?.[0]?.code).toBe("C28161");
  });

  it("maps an 837P claim", () => {
    const [claim] = resources<Claim>("x12", "837_005010X222A2/demo.example1.837", "Claim");

    expect(claim?.identifier?.[0]).toEqual({ system: "urn:lakeview:x12:claim-control-number", value: "26463774" });
    expect(claim?.type.coding?.[0]?.code).toBe("professional");
    expect(claim?.total).toEqual({ value: 100, currency: "USD" });
    expect(claim?.created).toBe("2006-10-15");
    expect(claim?.diagnosis?.map((diagnosis) => diagnosis.diagnosisCodeableConcept?.coding?.[0]?.code)).toEqual(["034.0", "V73.89"]);
    expect(claim?.item).toHaveLength(4);
    expect(claim?.item?.[0]).toEqual({ sequence: 1, productOrService: { coding: [{ system: "http://www.ama-assn.org/go/cpt", code: "99213" }] }, net: { value: 40, currency: "USD" }, quantity: { value: 1 }, diagnosisSequence: [1], servicedDate: "2006-10-03" });
  });

  it("maps an 837I claim", () => {
    const [claim] = resources<Claim>("x12", "837_005010X223A3/institutional-claim.837i", "Claim");

    expect(claim?.type.coding?.[0]?.code).toBe("institutional");
    expect(claim?.billablePeriod).toEqual({ start: "1996-09-11", end: "1996-09-11" });
    expect(claim?.item?.[1]?.revenue?.coding?.[0]?.code).toBe("0730");
    expect(claim?.item?.[1]?.productOrService.coding?.[0]?.code).toBe("93005");
    expect(claim?.item?.[1]?.quantity).toEqual({ value: 3 });
  });

  it("maps an 835 remittance", () => {
    const [first] = resources<ExplanationOfBenefit>("x12", "835_005010X221A1/managed-care.835", "ExplanationOfBenefit");
    const [provenance] = resources<Provenance>("x12", "835_005010X221A1/managed-care.835", "Provenance");

    expect(first?.identifier?.[0]).toEqual({ system: "urn:lakeview:x12:claim-control-number", value: "5554555444" });
    expect(first?.payment?.amount).toEqual({ value: 450, currency: "USD" });
    expect(first?.item?.[0]?.adjudication).toContainEqual({ category: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/adjudication", code: "deductible" }] }, reason: { coding: [{ system: "https://x12.org/codes/claim-adjustment-reason-codes", code: "1" }] }, amount: { value: 300, currency: "USD" } });
    expect(provenance?.entity?.[0]?.what.identifier).toEqual({ system: "urn:lakeview:x12:interchange-control-number", value: "000000907" });
    expect(provenance?.entity?.[1]?.what.identifier).toEqual({ system: "urn:lakeview:x12:transaction-set-control-number", value: "112233" });
    expect(provenance?.agent[0]?.who.display).toBe("000000005");
  });
});
