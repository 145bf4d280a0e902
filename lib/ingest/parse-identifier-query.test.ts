import { describe, expect, it } from "vitest";

import { describeIdentifierQuery, parseIdentifierQuery, type IdentifierQuery } from "./parse-identifier-query";

describe("parseIdentifierQuery", () => {
  it.each([
    ["identifier=http://hl7.org/fhir/sid/us-npi|9999", { resourceType: "Practitioner", system: "http://hl7.org/fhir/sid/us-npi", value: "9999" }],
    ["identifier=http%3A%2F%2Fhl7.org%2Ffhir%2Fsid%2Fus-npi%7C9999", { resourceType: "Practitioner", system: "http://hl7.org/fhir/sid/us-npi", value: "9999" }],
    ["identifier=|9999", { resourceType: "Practitioner", system: "", value: "9999" }],
    ["identifier=9999", { resourceType: "Practitioner", system: undefined, value: "9999" }],
  ])("parses %s", (query, expected) => {
    expect(parseIdentifierQuery("Practitioner", query)).toEqual(expected);
  });

  it.each([
    ["name=Smith", 'search "Practitioner?name=Smith" is not supported; conditional references and requests must search one identifier, as in Practitioner?identifier=system|value'],
    ["identifier=a|1&active=true", 'search "Practitioner?identifier=a|1&active=true" is not supported; conditional references and requests must search one identifier, as in Practitioner?identifier=system|value'],
    ["identifier=http://x|", 'search "Practitioner?identifier=http://x|" has an empty identifier value'],
  ])("rejects %s", (query, reason) => {
    expect(parseIdentifierQuery("Practitioner", query)).toBe(reason);
  });

  it("withholds person identifier values", () => {
    const query = parseIdentifierQuery("Patient", "identifier=http://hl7.org/fhir/sid/us-ssn|999-12-3456");
    const unsupported = parseIdentifierQuery("Patient", "name=Gómez");

    expect(typeof query).toBe("object");
    expect(describeIdentifierQuery(query as IdentifierQuery)).toBe("Patient?identifier=http://hl7.org/fhir/sid/us-ssn|(value withheld)");
    expect(unsupported).not.toContain("Gómez");
  });
});
