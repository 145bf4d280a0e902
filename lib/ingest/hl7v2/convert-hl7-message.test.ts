import type { DiagnosticReport, Encounter, FhirResource, Immunization, Observation, Provenance } from "fhir/r4";
import { describe, expect, it } from "vitest";

import type { ConvertedMessage } from "../message/converted-message";
import type { MessageFailure } from "../message/message-failure";
import { convertHl7Message } from "./convert-hl7-message";
import { parseHl7File } from "./parse-hl7-file";

function convert(...segments: string[]): ConvertedMessage | MessageFailure {
  const [message] = parseHl7File(segments.join("\r")).messages;
  if (!message) throw new Error("test message did not parse");
  return convertHl7Message(message);
}

function resourcesOf<T extends FhirResource>(result: ConvertedMessage | MessageFailure, type: T["resourceType"]): T[] {
  if ("reason" in result) throw new Error(result.reason);
  return result.entries.flatMap((entry) => (entry.resource?.resourceType === type ? [entry.resource as T] : []));
}

const pid = "PID|1||MRN1^^^HOSP^MR||DOE^JANE||19800101|F";

describe("convertHl7Message", () => {
  it.each([
    ["MSH|^~\\&|APP|FAC|||20260304120000||ADT^A01||P|2.5", "MSH", "MSH-10 (message control id) is empty"],
    ["MSH|^~\\&|APP|FAC|||yesterday||ADT^A01|1|P|2.5", "MSH", 'MSH-7 "yesterday" is not a date-time'],
  ])("rejects header %s", (msh, segment, reason) => {
    const result = convert(msh, pid);

    const message = "reason" in result ? result.reason : "";
    expect(result).toMatchObject({ line: 1, segment });
    expect(message).toContain(reason);
  });

  it("rejects an ORU without PID", () => {
    const result = convert("MSH|^~\\&|APP|FAC|||20260304120000||ORU^R01|1|P|2.5", "OBR|1||F1|1^Panel^LN");

    expect(result).toMatchObject({ segment: "PID" });
  });

  it("writes a Provenance for the message", () => {
    const result = convert("MSH|^~\\&|APP|FAC|||202603041200-0500||ADT^A04|CTRL9|P|2.5", pid, "PV1|1|O|||||||||||||||||V1^^^HOSP^VN|||||||||||||||||||||||||20260304");

    const [provenance] = resourcesOf<Provenance>(result, "Provenance");
    const [encounter] = resourcesOf<Encounter>(result, "Encounter");
    expect(provenance?.recorded).toBe("2026-03-04T12:00:00-05:00");
    expect(provenance?.agent[0]?.who).toEqual({ display: "FAC" });
    expect(provenance?.entity?.[0]?.what.identifier).toEqual({ system: "urn:lakeview:hl7v2:message-control-id", value: "CTRL9" });
    expect(provenance?.target).toHaveLength(2);
    expect(encounter?.status).toBe("arrived");
    expect(encounter?.class.code).toBe("AMB");
    expect(encounter?.identifier?.[0]?.value).toBe("V1");
    expect(encounter?.period).toEqual({ start: "2026-03-04" });
  });

  it.each([
    ["NM", "7.2", "mmol/L", { valueQuantity: { value: 7.2, unit: "mmol/L", system: "http://unitsofmeasure.org", code: "mmol/L" } }],
    ["NM", "7", "widgets", { valueQuantity: { value: 7, unit: "widgets" } }],
    ["SN", ">^100", "mg/dL", { valueQuantity: { value: 100, comparator: ">", unit: "mg/dL", system: "http://unitsofmeasure.org", code: "mg/dL" } }],
    ["SN", "^10^-^20", "", { valueRange: { low: { value: 10 }, high: { value: 20 } } }],
    ["SN", "^1^:^128", "", { valueRatio: { numerator: { value: 1 }, denominator: { value: 128 } } }],
    ["ST", "positive~see note", "", { valueString: "positive\nsee note" }],
    ["TX", "a \\T\\ b", "", { valueString: "a & b" }],
    ["CWE", "260373001^Detected^SCT", "", { valueCodeableConcept: { coding: [{ code: "260373001", display: "Detected", system: "http://snomed.info/sct" }], text: "Detected" } }],
    ["ED", "^TEXT^^Base64^AAAA", "", { dataAbsentReason: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unsupported" }] } }],
  ])("maps OBX-2 %s value %s", (type, value, unit, expected) => {
    const result = convert("MSH|^~\\&|LAB|FAC|||20260304120000||ORU^R01|1|P|2.5", pid, "OBR|1||F1|1^Panel^LN", `OBX|1|${type}|2^Test^LN||${value}|${unit}||||||F`);

    const [observation] = resourcesOf<Observation>(result, "Observation");
    expect(observation).toMatchObject(expected);
  });

  it("files results under laboratory", () => {
    const result = convert("MSH|^~\\&|LAB|FAC|||20260304120000||ORU^R01|1|P|2.5", pid, "OBR|1||F1|1^Panel^LN", "OBX|1|NM|2^Test^LN||1|||||||F");

    const [observation] = resourcesOf<Observation>(result, "Observation");
    const [report] = resourcesOf<DiagnosticReport>(result, "DiagnosticReport");
    expect(observation?.category?.[0]?.coding?.[0]?.code).toBe("laboratory");
    expect(report?.category?.[0]?.coding?.[0]).toEqual({ system: "http://terminology.hl7.org/CodeSystem/v2-0074", code: "LAB" });
  });

  it.each([
    ["F", "final"],
    ["C", "corrected"],
    ["P", "preliminary"],
    ["X", "cancelled"],
    ["D", "entered-in-error"],
    ["", "unknown"],
  ])("maps OBX-11 %s to %s", (code, status) => {
    const result = convert("MSH|^~\\&|LAB|FAC|||20260304120000||ORU^R01|1|P|2.5", pid, `OBX|1|NM|2^Test^LN||1||||||${code}`);

    expect(resourcesOf<Observation>(result, "Observation")[0]?.status).toBe(status);
  });

  it.each([
    ["<5", { high: { value: 5 }, text: "<5" }],
    [">=60", { low: { value: 60 }, text: ">=60" }],
    ["negative", { text: "negative" }],
  ])("maps reference range %s", (range, expected) => {
    const result = convert("MSH|^~\\&|LAB|FAC|||20260304120000||ORU^R01|1|P|2.5", pid, `OBX|1|NM|2^Test^LN||1||${range}|H|||F`);

    const [observation] = resourcesOf<Observation>(result, "Observation");
    expect(observation?.referenceRange).toEqual([expected]);
    expect(observation?.interpretation?.[0]?.coding?.[0]).toEqual({ code: "H", system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation" });
  });

  it("maps a refused vaccine to not-done with its reason", () => {
    const rxa = "RXA|0|1|20260301||08^Hep B^CVX|999||||||||||||00^Parental refusal^NIP002||RE";

    const [immunization] = resourcesOf<Immunization>(convert("MSH|^~\\&|IIS|FAC|||20260304120000||VXU^V04|1|P|2.5.1", pid, "ORC|RE||9999", rxa), "Immunization");

    expect(immunization?.status).toBe("not-done");
    expect(immunization?.statusReason?.coding?.[0]).toEqual({ code: "00", display: "Parental refusal", system: "urn:oid:2.16.840.1.114222.4.5.274" });
    expect(immunization?.doseQuantity).toBeUndefined();
    expect(immunization?.occurrenceDateTime).toBe("2026-03-01");
  });

  it("gives the same ids to the same message", () => {
    const message = ["MSH|^~\\&|LAB|FAC|||20260304120000||ORU^R01|1|P|2.5", pid, "OBR|1||F1|1^Panel^LN", "OBX|1|NM|2^Test^LN||1|||||||F"];

    const first = convert(...message);
    const second = convert(...message);

    expect("entries" in first && first.entries.map((entry) => entry.fullUrl)).toEqual("entries" in second && second.entries.map((entry) => entry.fullUrl));
  });
});
