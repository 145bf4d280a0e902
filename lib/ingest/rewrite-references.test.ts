import { describe, expect, it } from "vitest";

import { rewriteReferences } from "./rewrite-references";

describe("rewriteReferences", () => {
  it("rewrites fullUrl references everywhere in a resource", () => {
    const claim = {
      resourceType: "Claim",
      patient: { reference: "urn:uuid:p1" },
      contained: [{ resourceType: "Coverage", beneficiary: { reference: "urn:uuid:p1" } }],
      item: [{ encounter: [{ reference: "urn:uuid:e1" }] }],
      extension: [{ url: "http://example.org/x", valueReference: { reference: "http://example.org/fhir/Organization/o1" } }],
      insurance: [{ coverage: { reference: "#coverage" } }],
    };
    const fullUrls = new Map([
      ["urn:uuid:p1", "Patient/p1"],
      ["urn:uuid:e1", "Encounter/e1"],
      ["http://example.org/fhir/Organization/o1", "Organization/o1"],
    ]);

    const result = rewriteReferences(claim, fullUrls);

    expect(result).toEqual({ issues: [], conditional: [] });
    expect(claim.patient.reference).toBe("Patient/p1");
    expect(claim.contained[0]?.beneficiary.reference).toBe("Patient/p1");
    expect(claim.item[0]?.encounter[0]?.reference).toBe("Encounter/e1");
    expect(claim.extension[0]?.valueReference.reference).toBe("Organization/o1");
    expect(claim.insurance[0]?.coverage.reference).toBe("#coverage");
  });

  it("returns conditional references with their paths", () => {
    const encounter = { resourceType: "Encounter", participant: [{ individual: { reference: "Practitioner?identifier=sys|1" } }] };

    const result = rewriteReferences(encounter, new Map());

    expect(result.issues).toEqual([]);
    expect(result.conditional).toEqual([
      { holder: encounter.participant[0]?.individual, resourceType: "Practitioner", query: "identifier=sys|1", expression: "Encounter.participant[0].individual.reference" },
    ]);
  });

  it("reports urn references to no entry", () => {
    const observation = { resourceType: "Observation", subject: { reference: "urn:oid:1.2.3" } };

    const result = rewriteReferences(observation, new Map());

    expect(result.issues).toEqual([
      {
        diagnostics: 'Reference "urn:oid:1.2.3" matches no entry\'s fullUrl in this file; add that entry or use a relative reference such as Patient/123.',
        expression: "Observation.subject.reference",
      },
    ]);
  });
});
