import type { OperationOutcome, Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { assertValidResource } from "./assert-valid-resource";
import { MAX_VALIDATION_ISSUES } from "./collect-validation-issues";
import { FhirError } from "./fhir-error";
import { hasSampleData, readSampleResources, SAMPLE_DATA_DIR } from "./read-sample-resources";

/** Returns the OperationOutcome of a rejected value, or undefined when the value is valid. */
function outcomeOf(value: unknown): OperationOutcome | undefined {
  try {
    assertValidResource(value);
    return undefined;
  } catch (error) {
    if (error instanceof FhirError) return error.toOperationOutcome();
    throw error;
  }
}

function outcome(...issues: [expression: string | undefined, diagnostics: string][]): OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: issues.map(([expression, diagnostics]) => ({
      severity: "error",
      code: "invalid",
      diagnostics,
      ...(expression ? { expression: [expression] } : {}),
    })),
  };
}

const cases: { name: string; value: unknown; expected: OperationOutcome }[] = [
  {
    name: "rejects a value that is not an object",
    value: "Patient",
    expected: outcome([undefined, 'The request body is a string, not a FHIR resource. Send a JSON object with a "resourceType" such as "Patient".']),
  },
  {
    name: "rejects a missing resourceType",
    value: { id: "p1" },
    expected: outcome([undefined, 'The resource has no "resourceType". Add "resourceType" with an R4 resource type such as "Patient".']),
  },
  {
    name: "rejects an unknown resourceType",
    value: { resourceType: "patient" },
    expected: outcome(["resourceType", 'resourceType "patient" is not an R4 resource type. Use a type from FHIR R4, such as "Patient", with the same capitals.']),
  },
  {
    name: "rejects an impossible month",
    value: { resourceType: "Patient", birthDate: "1970-13-01" },
    expected: outcome(["Patient.birthDate", 'Patient.birthDate "1970-13-01" is not a valid FHIR date. Use YYYY, YYYY-MM or YYYY-MM-DD.']),
  },
  {
    name: "rejects an impossible day",
    value: { resourceType: "Patient", birthDate: "2019-02-29" },
    expected: outcome(["Patient.birthDate", 'Patient.birthDate "2019-02-29" is not a valid FHIR date. Use a day that exists in that month.']),
  },
  {
    name: "rejects a dateTime without time zone",
    value: { resourceType: "Encounter", status: "finished", class: { code: "AMB" }, period: { start: "2019-07-04T09:30:00" } },
    expected: outcome([
      "Encounter.period.start",
      'Encounter.period.start "2019-07-04T09:30:00" is not a valid FHIR dateTime. Use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a time zone, such as 2019-07-04T09:30:00Z or 2019-07-04T09:30:00-05:00.',
    ]),
  },
  {
    name: "rejects an instant without time",
    value: { resourceType: "Observation", status: "final", code: { text: "weight" }, issued: "2019-07-04" },
    expected: outcome([
      "Observation.issued",
      'Observation.issued "2019-07-04" is not a valid FHIR instant. Use YYYY-MM-DDThh:mm:ss with optional fractional seconds and a time zone, such as 2019-07-04T09:30:00.000Z.',
    ]),
  },
  {
    name: "rejects a bad id",
    value: { resourceType: "Patient", id: "member 42" },
    expected: outcome(["Patient.id", `Patient.id "member 42" is not a valid FHIR id. Use 1 to 64 characters from A-Z, a-z, 0-9, '-' and '.'.`]),
  },
  {
    name: "rejects a decimal in quotes",
    value: { resourceType: "Observation", status: "final", code: { text: "weight" }, valueQuantity: { value: "72.5", unit: "kg" } },
    expected: outcome([
      "Observation.value.ofType(Quantity).value",
      'Observation.value.ofType(Quantity).value "72.5" is not a valid FHIR decimal. Use a JSON number, without quotes.',
    ]),
  },
  {
    name: "rejects a code with padding",
    value: { resourceType: "Patient", gender: " female" },
    expected: outcome(["Patient.gender", 'Patient.gender " female" is not a valid FHIR code. Use a code without leading, trailing or repeated whitespace.']),
  },
  {
    name: "rejects a uri with spaces",
    value: { resourceType: "Patient", identifier: [{ system: "urn:example:member id", value: "42" }] },
    expected: outcome([
      "Patient.identifier[0].system",
      'Patient.identifier[0].system "urn:example:member id" is not a valid FHIR uri. Use a URI without whitespace.',
    ]),
  },
  {
    name: "rejects a boolean in quotes",
    value: { resourceType: "Patient", active: "true" },
    expected: outcome(["Patient.active", 'Patient.active "true" is not a valid FHIR boolean. Use true or false, without quotes.']),
  },
  {
    name: "rejects an unknown element with a hint",
    value: { resourceType: "Patient", birthdate: "1970-01-01" },
    expected: outcome(["Patient.birthdate", 'Patient.birthdate is not an element of Patient. Did you mean "birthDate"?']),
  },
  {
    name: "rejects an unknown choice type",
    value: { resourceType: "Observation", status: "final", code: { text: "weight" }, valueNumber: 72 },
    expected: outcome([
      "Observation.valueNumber",
      "Observation.valueNumber is not an element of Observation. value[x] takes valueQuantity, valueCodeableConcept, valueString, valueBoolean, valueInteger, valueRange and 5 more.",
    ]),
  },
  {
    name: "rejects missing required elements",
    value: { resourceType: "Observation", code: { text: "weight" }, extension: [{ valueString: "x" }] },
    expected: outcome(
      ["Observation.extension[0].url", "Observation.extension[0].url is required (cardinality 1..1) but missing. Add it."],
      ["Observation.status", "Observation.status is required (cardinality 1..1) but missing. Add it."],
    ),
  },
  {
    name: "rejects a single value for a list",
    value: { resourceType: "Patient", name: { family: "Doe" } },
    expected: outcome([
      "Patient.name",
      'Patient.name {"family":"Doe"} is a single value, but the element repeats (cardinality 0..*). Wrap the value in a JSON array.',
    ]),
  },
  {
    name: "rejects a list for a single value",
    value: { resourceType: "Patient", gender: ["female"] },
    expected: outcome(["Patient.gender", "Patient.gender is an array, but the element takes one value (cardinality 0..1). Send the value without the array."]),
  },
  {
    name: "rejects two types of one choice",
    value: { resourceType: "Patient", deceasedBoolean: true, deceasedDateTime: "2020-01-01" },
    expected: outcome(["Patient.deceased", "Patient.deceased has values in deceasedBoolean and deceasedDateTime, but it takes one type only. Keep one of them."]),
  },
  {
    name: "rejects null and empty values",
    value: { resourceType: "Patient", gender: null, name: [], contact: [{}] },
    expected: outcome(
      ["Patient.gender", "Patient.gender is null. Leave the element out instead, because FHIR JSON has no null values."],
      ["Patient.name", "Patient.name is an empty array. Leave the element out, or give it at least one value."],
      ["Patient.contact[0]", "Patient.contact[0] is an empty object. Remove it, or give it a value or child elements."],
    ),
  },
  {
    name: "rejects bad values inside arrays",
    value: {
      resourceType: "Patient",
      name: [{ given: ["Ann", "", null, 7] }],
      telecom: [{ system: "pager", value: "1" }, { system: "fax", use: "bogus" }],
      address: [{ line: [null], _line: [null] }],
      contact: [{ gender: "robot" }],
    },
    expected: outcome(
      ["Patient.name[0].given[1]", 'Patient.name[0].given[1] "" is not a valid FHIR string. Use a non-empty JSON string, or leave the element out.'],
      ["Patient.name[0].given[2]", "Patient.name[0].given[2] is null. Leave the element out instead, because FHIR JSON has no null values."],
      ["Patient.name[0].given[3]", "Patient.name[0].given[3] 7 is not a valid FHIR string. Use a non-empty JSON string, or leave the element out."],
      ["Patient.telecom[1].use", 'Patient.telecom[1].use "bogus" is not in the required value set contact-point-use. Use one of: home, work, temp, old, mobile.'],
      ["Patient.address[0].line[0]", "Patient.address[0].line[0] is null. Leave the element out instead, because FHIR JSON has no null values."],
      ["Patient.contact[0].gender", 'Patient.contact[0].gender "robot" is not in the required value set administrative-gender. Use one of: male, female, other, unknown.'],
    ),
  },
  {
    name: "rejects a code outside a required value set",
    value: { resourceType: "Patient", id: "bad-gender-1", gender: "robot" },
    expected: outcome([
      "Patient.gender",
      'Patient.gender "robot" is not in the required value set administrative-gender. Use one of: male, female, other, unknown.',
    ]),
  },
  {
    name: "rejects a required code in another case",
    value: { resourceType: "Patient", gender: "Female" },
    expected: outcome([
      "Patient.gender",
      'Patient.gender "Female" is not in the required value set administrative-gender. Use one of: male, female, other, unknown.',
    ]),
  },
  {
    name: "reports every problem of a resource",
    value: { resourceType: "Patient", gender: "robot", birthDate: "1990-13-45" },
    expected: outcome(
      ["Patient.gender", 'Patient.gender "robot" is not in the required value set administrative-gender. Use one of: male, female, other, unknown.'],
      ["Patient.birthDate", 'Patient.birthDate "1990-13-45" is not a valid FHIR date. Use YYYY, YYYY-MM or YYYY-MM-DD.'],
    ),
  },
  {
    name: "checks required codes in data types and backbone elements",
    value: {
      resourceType: "Patient",
      telecom: [{ system: "beeper", value: "555-0100", use: "office" }],
      contact: [{ gender: "f" }],
    },
    expected: outcome(
      [
        "Patient.telecom[0].system",
        'Patient.telecom[0].system "beeper" is not in the required value set contact-point-system. Use one of: phone, fax, email, pager, url, sms, other.',
      ],
      ["Patient.telecom[0].use", 'Patient.telecom[0].use "office" is not in the required value set contact-point-use. Use one of: home, work, temp, old, mobile.'],
      ["Patient.contact[0].gender", 'Patient.contact[0].gender "f" is not in the required value set administrative-gender. Use one of: male, female, other, unknown.'],
    ),
  },
  {
    name: "checks required codes in choice types",
    value: { resourceType: "Observation", status: "done", code: { text: "weight" }, valueQuantity: { value: 72, comparator: "=" } },
    expected: outcome(
      [
        "Observation.status",
        'Observation.status "done" is not in the required value set observation-status. Use one of: registered, preliminary, final, amended, corrected, cancelled, entered-in-error, unknown.',
      ],
      ["Observation.value.ofType(Quantity).comparator", 'Observation.value.ofType(Quantity).comparator "=" is not in the required value set quantity-comparator. Use one of: <, <=, >=, >.'],
    ),
  },
  {
    name: "lists the first codes of a large value set",
    value: { resourceType: "Questionnaire", status: "active", subjectType: ["Patient", "Member"] },
    expected: outcome([
      "Questionnaire.subjectType[1]",
      'Questionnaire.subjectType[1] "Member" is not in the required value set resource-types. Use one of: Account, ActivityDefinition, AdverseEvent, AllergyIntolerance, Appointment, AppointmentResponse, AuditEvent, Basic, Binary, BiologicallyDerivedProduct, BodyStructure, Bundle, and 136 more listed in http://hl7.org/fhir/ValueSet/resource-types.',
    ]),
  },
  {
    name: "checks contained resources",
    value: { resourceType: "Patient", contained: [{ resourceType: "Organization", active: 1 }] },
    expected: outcome(["Patient.contained[0].active", "Patient.contained[0].active 1 is not a valid FHIR boolean. Use true or false, without quotes."]),
  },
];

describe("assertValidResource", () => {
  it.each(cases)("$name", ({ value, expected }) => {
    const actual = outcomeOf(value);

    expect(actual).toEqual(expected);
  });

  it("accepts primitive extensions beside null list items", () => {
    const patient = {
      resourceType: "Patient",
      name: [{ given: ["Ann", null], _given: [null, { extension: [{ url: "http://example.org/ext", valueCode: "x" }] }] }],
      _birthDate: { extension: [{ url: "http://hl7.org/fhir/StructureDefinition/patient-birthTime", valueDateTime: "1970-01-01T06:00:00Z" }] },
      birthDate: "1970-01-01",
    };

    expect(outcomeOf(patient)).toBeUndefined();
  });

  it("narrows the value to Resource", () => {
    const value: unknown = { resourceType: "Patient", id: "p1" } satisfies Patient;

    assertValidResource(value);

    expect(value.resourceType).toBe("Patient");
  });

  it("stops after the issue limit", () => {
    const value = { resourceType: "Patient", ...Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`unknown${i}`, i])) };

    const issues = outcomeOf(value)?.issue ?? [];

    expect(issues).toHaveLength(MAX_VALIDATION_ISSUES + 1);
    expect(issues.at(-1)?.diagnostics).toBe(`Validation stopped after ${MAX_VALIDATION_ISSUES} issues. Fix these and send the resource again to see the rest.`);
  });
});

describe.skipIf(!hasSampleData())(`assertValidResource on the samples in ${SAMPLE_DATA_DIR}`, () => {
  it("accepts every Synthea and CARIN resource", () => {
    const rejected: string[] = [];

    for (const { file, resource } of readSampleResources()) {
      const issues = outcomeOf(resource)?.issue ?? [];
      for (const issue of issues) rejected.push(`${file} ${resource.resourceType}/${resource.id}: ${issue.diagnostics}`);
    }

    expect(rejected.slice(0, 20)).toEqual([]);
  });
});
