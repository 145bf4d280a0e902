import type { Claim } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { convertX12Transaction } from "./convert-x12-transaction";
import { parseX12File } from "./parse-x12-file";
import { x12Value } from "./x12-transaction";

const isa = (element: string, component: string, terminator: string): string =>
  ["ISA", "00", "          ", "00", "          ", "ZZ", "SENDER         ", "ZZ", "RECEIVER       ", "260304", "1215", "^", "00501", "000000042", "0", "T", component].join(element) + terminator;

/** Builds a two-claim 837P interchange with the given separators, each claim in its own transaction set. */
function interchange(element: string, component: string, terminator: string): string {
  const segment = (...elements: string[]): string => elements.join(element) + terminator;
  const claim = (control: string, claimId: string): string[] => [
    segment("ST", "837", control, "005010X222A2"),
    segment("BHT", "0019", "00", "1", "20260304", "1215", "CH"),
    segment("HL", "1", "", "20", "1"),
    segment("NM1", "85", "2", "CLINIC", "", "", "", "", "XX", "1234567893"),
    segment("HL", "2", "1", "22", "0"),
    segment("SBR", "P", "18", "GROUP1", "", "", "", "", "", "CI"),
    segment("NM1", "IL", "1", "DOE", "JANE", "", "", "", "MI", "M123"),
    segment("DMG", "D8", "19800101", "F"),
    segment("NM1", "PR", "2", "PLAN", "", "", "", "", "PI", "PAYER1"),
    segment("CLM", claimId, "50", "", "", ["11", "B", "1"].join(component)),
    segment("HI", ["ABK", "E119"].join(component)),
    segment("LX", "1"),
    segment("SV1", ["HC", "99213", "25"].join(component), "50", "UN", "1", "", "", "1"),
    segment("DTP", "472", "D8", "20260301"),
    segment("SE", "15", control),
  ];
  return [isa(element, component, terminator), segment("GS", "HC", "SENDER", "RECEIVER", "20260304", "1215", "1", "X", "005010X222A2"), ...claim("0001", "CLAIM-A"), ...claim("0002", "CLAIM-B"), segment("GE", "2", "1"), segment("IEA", "1", "000000042")].join("\n");
}

describe("parseX12File", () => {
  it("reads several transaction sets per interchange", () => {
    const file = parseX12File(interchange("*", ":", "~"));

    expect(file.failures).toEqual([]);
    expect(file.transactions.map((transaction) => transaction.controlNumber)).toEqual(["0001", "0002"]);
    expect(file.transactions[0]?.envelope).toEqual({ sender: "SENDER", controlNumber: "000000042", recorded: "2026-03-04T12:15:00Z", componentSeparator: ":" });
    expect(file.transactions[1]?.line).toBe(18);
  });

  it("takes the separators from the ISA header", () => {
    const file = parseX12File(interchange("|", "}", "!"));
    const converted = file.transactions.map(convertX12Transaction);

    const claims = converted.flatMap((message) => ("entries" in message ? message.entries : [])).flatMap((entry) => (entry.resource?.resourceType === "Claim" ? [entry.resource as Claim] : []));
    expect(file.failures).toEqual([]);
    expect(x12Value(file.transactions[0]?.segments.find((segment) => segment.tag === "CLM"), 1)).toBe("CLAIM-A");
    expect(claims.map((claim) => claim.identifier?.[0]?.value)).toEqual(["CLAIM-A", "CLAIM-B"]);
    expect(claims[0]?.item?.[0]?.modifier).toEqual([{ coding: [{ system: "http://www.ama-assn.org/go/cpt", code: "25" }] }]);
    expect(claims[0]?.diagnosis?.[0]?.diagnosisCodeableConcept?.coding?.[0]).toEqual({ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "E11.9" });
  });

  it.each([
    ["the SE of the second transaction set", "SE", 18, (text: string) => text.slice(0, text.indexOf("SE*15*0002"))],
    ["the GE", "GE", 2, (text: string) => text.slice(0, text.indexOf("GE*"))],
    ["the IEA", "IEA", 1, (text: string) => text.slice(0, text.indexOf("IEA*"))],
  ])("reports a file cut before %s", (_, segment, line, cut) => {
    const file = parseX12File(cut(interchange("*", ":", "~")));

    expect(file.transactions).toEqual([]);
    expect(file.failures.map((failure) => [failure.segment, failure.line])).toEqual([[segment, line]]);
    expect(file.failures[0]?.reason).toContain("the file looks cut short");
  });

  it("reports a garbled interchange as one failure", () => {
    const file = parseX12File("ISA*00*garbage~GS*HC~");

    expect(file.transactions).toEqual([]);
    expect(file.failures).toHaveLength(1);
    expect(file.failures[0]?.line).toBe(1);
    expect(file.failures[0]?.segment).toBe("ISA");
    expect(file.failures[0]?.reason).toContain("Interchange could not be parsed");
  });

  it("fails a claim without a payer", () => {
    const text = interchange("*", ":", "~").replace(/NM1\*PR[^~]*~\n/g, "").replace(/SE\*15/g, "SE*14");

    const converted = parseX12File(text).transactions.map(convertX12Transaction);

    const first = converted[0];
    const reason = first && "reason" in first ? first.reason : "";
    expect(first).toMatchObject({ line: 3, segment: "CLM" });
    expect(reason).toContain("no payer");
  });
});
