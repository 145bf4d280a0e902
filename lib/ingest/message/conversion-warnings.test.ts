import { readFileSync } from "node:fs";
import path from "node:path";

import type { ClaimItem, Encounter, ExplanationOfBenefit, FhirResource, Observation, Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { hasSampleData, SAMPLE_DATA_DIR } from "../../fhir/read-sample-resources";
import { describeWarning } from "../import-warning";
import type { ConversionWarning } from "./conversion-warning";
import { readMessagesInput, type MessagesInput } from "./read-messages-input";

const x12Dir = path.join(SAMPLE_DATA_DIR, "x12/linuxforhealth-x12");

function hl7(pid: string, ...rest: string[]): MessagesInput {
  return readMessagesInput("hl7v2", ["MSH|^~\\&|LAB|FAC|||20260304120000||ORU^R01|CTRL7|P|2.5", pid, ...rest].join("\r"));
}

function resourceOf<T extends FhirResource>(input: MessagesInput, type: T["resourceType"]): T | undefined {
  const entry = input.messages[0]?.entries.find((candidate) => candidate.resource?.resourceType === type);
  return entry?.resource as T | undefined;
}

const pid = (birthDate: string, sex = "F", death = "", deathIndicator = ""): string => `PID|1||MRN1^^^HOSP^MR||DOE^JANE||${birthDate}|${sex}|||||||||||||||||||||${death}|${deathIndicator}`;
const obr = "OBR|1||F1^LAB|24331-1^Lipid panel^LN|||20260301080000";
const obx = (status: string, observed = ""): string => `OBX|1|NM|2093-3^Cholesterol^LN||180|mg/dL|||||${status}|||${observed}`;
const pv1 = (admitted: string): string => `PV1|1|O|||||||||||||||||V1^^^HOSP^VN|||||||||||||||||||||||||${admitted}`;

describe("HL7 v2 conversion warnings", () => {
  it.each([
    ["PID-7 out of calendar", hl7(pid("19801345"), obr, obx("F")), { field: "PID-7", value: "19801345", outcome: "Patient.birthDate left out" }, (input: MessagesInput) => resourceOf<Patient>(input, "Patient")?.birthDate],
    ["PID-7 not a date", hl7(pid("unknown"), obr, obx("F")), { field: "PID-7", value: "unknown", outcome: "Patient.birthDate left out" }, (input: MessagesInput) => resourceOf<Patient>(input, "Patient")?.birthDate],
    ["PID-8 unknown code", hl7(pid("19800215", "Q"), obr, obx("F")), { field: "PID-8", value: "Q", outcome: "Patient.gender left out" }, (input: MessagesInput) => resourceOf<Patient>(input, "Patient")?.gender],
    ["PID-29 not a date-time", hl7(pid("19800215", "F", "2026-01-01"), obr, obx("F")), { field: "PID-29", value: "2026-01-01", outcome: "Patient.deceasedDateTime left out" }, (input: MessagesInput) => resourceOf<Patient>(input, "Patient")?.deceasedDateTime],
    ["PID-30 not Y or N", hl7(pid("19800215", "F", "", "NO"), obr, obx("F")), { field: "PID-30", value: "NO", outcome: "Patient.deceasedBoolean left out" }, (input: MessagesInput) => resourceOf<Patient>(input, "Patient")?.deceasedBoolean],
    ["OBX-11 unknown code", hl7(pid("19800215"), obr, obx("Q")), { field: "OBX-11", value: "Q", outcome: 'Observation.status set to "unknown"' }, (input: MessagesInput) => resourceOf<Observation>(input, "Observation")?.status === "unknown" ? undefined : "not unknown"],
  ])("leaves out %s with a warning", (_name, input, expected, leftOut) => {
    const [message] = input.messages;

    expect(input.failures).toEqual([]);
    expect(message?.controlId).toBe("CTRL7");
    expect(message?.warnings).toEqual([expect.objectContaining(expected)]);
    expect(leftOut(input)).toBeUndefined();
  });

  it("takes the OBR-7 time when OBX-14 is invalid", () => {
    const input = hl7(pid("19800215"), obr, obx("F", "20261301"));

    expect(input.messages[0]?.warnings.map((warning) => warning.field)).toEqual(["OBX-14"]);
    expect(resourceOf<Observation>(input, "Observation")?.effectiveDateTime).toBe("2026-03-01T08:00:00Z");
  });

  it("leaves out an invalid PV1-44 admit time", () => {
    const input = readMessagesInput("hl7v2", ["MSH|^~\\&|APP|FAC|||20260304120000||ADT^A04|CTRL8|P|2.5", pid("19800215"), pv1("20260230")].join("\r"));

    expect(input.messages[0]?.warnings).toEqual([expect.objectContaining({ field: "PV1-44", value: "20260230" })]);
    expect(resourceOf<Encounter>(input, "Encounter")?.period).toBeUndefined();
  });

  it("keeps valid values without warnings", () => {
    const input = hl7(pid("19800215", "F", "202601011200", ""), obr, obx("F", "20260301081500"));

    expect(input.messages[0]?.warnings).toEqual([]);
    expect(resourceOf<Patient>(input, "Patient")).toMatchObject({ birthDate: "1980-02-15", gender: "female", deceasedDateTime: "2026-01-01T12:00:00Z" });
  });

  it("describes the field, value and fix", () => {
    const warning: ConversionWarning = { field: "PID-7", value: "19801345", expected: "a date as YYYYMMDD, such as 19800215", outcome: "Patient.birthDate left out" };

    expect(describeWarning(warning)).toBe('PID-7 "19801345" is not a date as YYYYMMDD, such as 19800215, so the message was stored with Patient.birthDate left out. Correct PID-7 at the sender and send the message again.');
    expect(describeWarning({ ...warning, value: "" })).toBe("PID-7 is empty; expected a date as YYYYMMDD, such as 19800215, so the message was stored with Patient.birthDate left out. Correct PID-7 at the sender and send the message again.");
  });
});

describe.skipIf(!hasSampleData())("X12 conversion warnings and rejections", () => {
  const remittance = hasSampleData() ? readFileSync(path.join(x12Dir, "835_005010X221A1/managed-care.835"), "utf8") : "";
  const claims = hasSampleData() ? readFileSync(path.join(x12Dir, "837_005010X222A2/demo.example1.837"), "utf8") : "";
  const firstClp = "CLP*5554555444*1*800.00*450.00*300.00*12*94060555410000~";

  it.each([
    ["CLP02 not a status code", firstClp.replace("*1*800.00", "*9*800.00"), 'CLP02 "9" is not a claim status code; use one of 1, 2, 3, 4, 19, 20, 21, 22, 23, 25 and send the remittance again.'],
    ["CLP03 not an amount", firstClp.replace("800.00", "8OO.00"), 'CLP03 "8OO.00" is not an amount such as 125.50; correct it and send the remittance again.'],
    ["CLP04 not an amount", firstClp.replace("450.00", "4S0"), 'CLP04 "4S0" is not an amount such as 125.50; correct it and send the remittance again.'],
  ])("rejects an 835 whose %s", (_name, clp, reason) => {
    const input = readMessagesInput("x12", remittance.replace(firstClp, clp));

    expect(input.messages).toEqual([]);
    expect(input.failures).toHaveLength(1);
    expect(input.failures[0]).toMatchObject({ line: 3, segment: "CLP" });
    expect(input.failures[0]?.reason).toBe(`Transaction set 835 at line 3: CLP at line 13 (claim 5554555444): ${reason}`);
  });

  it.each([
    ["CLP05", remittance.replace(firstClp, firstClp.replace("300.00", "3OO")), { field: "CLP05", value: "3OO" }, (input: MessagesInput) => resourceOf<ExplanationOfBenefit>(input, "ExplanationOfBenefit")?.adjudication?.find((entry) => entry.category.coding?.[0]?.code === "paidbypatient")],
    ["DTM02", remittance.replace("DTM*150*20020301", "DTM*150*20021301"), { field: "DTM02", value: "20021301" }, (input: MessagesInput) => resourceOf<ExplanationOfBenefit>(input, "ExplanationOfBenefit")?.item?.[0]?.servicedDate],
    ["DMG02", claims.replace("DMG*D8*19730501*M", "DMG*D8*19730532*M"), { field: "DMG02", value: "19730532" }, (input: MessagesInput) => resourceOf<Patient>(input, "Patient")?.birthDate],
    ["DMG03", claims.replace("DMG*D8*19730501*M", "DMG*D8*19730501*X"), { field: "DMG03", value: "X" }, (input: MessagesInput) => resourceOf<Patient>(input, "Patient")?.gender],
    ["DTP03", claims.replace("DTP*472*D8*20061003", "DTP*472*D8*2006103"), { field: "DTP03", value: "2006103" }, (input: MessagesInput) => (input.messages[0]?.entries.find((entry) => entry.resource?.resourceType === "Claim")?.resource as { item?: ClaimItem[] } | undefined)?.item?.[0]?.servicedDate],
  ])("leaves out an invalid %s with a warning", (_name, text, expected, leftOut) => {
    const input = readMessagesInput("x12", text);

    expect(input.failures).toEqual([]);
    expect(input.messages[0]?.warnings).toEqual([expect.objectContaining(expected)]);
    expect(leftOut(input)).toBeUndefined();
  });

  it("names the transaction set control number", () => {
    const input = readMessagesInput("x12", remittance.replace(firstClp, firstClp.replace("300.00", "3OO")));

    expect(input.messages[0]?.controlId).toBe("112233");
  });
});
