import fs from "node:fs";
import path from "node:path";

import type { Coverage, Observation, Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { SAMPLE_DATA_DIR } from "../read-sample-resources";
import { getIgCatalog } from "./get-ig-catalog";
import { validateAgainstProfiles } from "./validate-against-profiles";
import type { ValidationIssue } from "./validation-report";

const IG_DIR = path.join(SAMPLE_DATA_DIR, "igs");
const hasIgs = fs.existsSync(IG_DIR);
const US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";
const CARIN = "http://hl7.org/fhir/us/carin-bb/StructureDefinition/";
const EXAMPLE_FOLDERS = ["us-core/examples", "carin-bb/stu2.0.0", "carin-bb/stu2.1.0-dev-nonfinancial"];

function readJson<T>(relativePath: string): T {
  return JSON.parse(fs.readFileSync(path.join(SAMPLE_DATA_DIR, relativePath), "utf8"));
}

function listExamples(): string[] {
  return EXAMPLE_FOLDERS.flatMap((folder) =>
    fs
      .readdirSync(path.join(SAMPLE_DATA_DIR, folder))
      .filter((file) => file.endsWith(".json"))
      .sort()
      .map((file) => `${folder}/${file}`),
  );
}

// The examples whose declared profiles find something other than information. The US Core examples
// are US Core 9.0.0-dev and declare `|9.0.0`. No such package is loaded, so they are checked against
// 7.0.0, and its findings are warnings. Some declared profiles exist in no loaded package.
const notLoaded = (name: string): string => `warning: profile not loaded ${US_CORE}${name}`;
const EXAMPLE_EXCEPTIONS: Record<string, string[]> = {
  // Base R4 requires Narrative.div; the example's text has only a status.
  "us-core/examples/diagnosticreport-cbc.json": ["error: R4 DiagnosticReport.text.div"],
  // US Core 7.0.0 requires Patient.gender (1..1); 9.0.0 made it optional.
  "us-core/examples/patient-child-example.json": ["warning: USCorePatientProfile|7.0.0 Patient.gender min"],
  "us-core/examples/patient-deceased-example.json": ["warning: USCorePatientProfile|7.0.0 Patient.gender min"],
  "us-core/examples/patient-example.json": ["warning: USCorePatientProfile|7.0.0 Patient.gender min"],
  "us-core/examples/patient-infant-example.json": ["warning: USCorePatientProfile|7.0.0 Patient.gender min"],
  // US Core 7.0.0 requires an assess-plan category on CarePlan; 9.0.0 does not.
  "us-core/examples/careplan-ulcer-example.json": ["warning: USCoreCarePlanProfile|7.0.0 CarePlan.category:AssessPlan slice"],
  "us-core/examples/colonoscopy.json": ["warning: USCoreCarePlanProfile|7.0.0 CarePlan.category min"],
  // Profiles that only US Core 8.0.0 or later, or the SDC guide, define.
  "us-core/examples/Device-defib.json": [notLoaded("us-core-device")],
  "us-core/examples/Device-infusion-pump.json": [notLoaded("us-core-device")],
  "us-core/examples/Device-knee.json": [notLoaded("us-core-device")],
  "us-core/examples/Device-walker.json": [notLoaded("us-core-device")],
  "us-core/examples/DocumentReference-adi-dnr.json": [notLoaded("us-core-adi-documentreference")],
  "us-core/examples/familymemberhistory-example.json": [notLoaded("us-core-familymemberhistory")],
  "us-core/examples/observation-ADI-example.json": [notLoaded("us-core-observation-adi-documentation")],
  "us-core/examples/observation-no-ADI-example.json": [notLoaded("us-core-observation-adi-documentation")],
  ...Object.fromEntries(
    ["AUDIT-C", "TAPS", "exercise-vital-sign", "hunger-vital-sign-example", "phq-9-example", "prapare-example"].map((name) => [
      `us-core/examples/Questionnaire-${name}.json`,
      ["warning: profile not loaded http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"],
    ]),
  ),
};

describe.skipIf(!hasIgs)("validateAgainstProfiles on the published examples", () => {
  const catalog = hasIgs ? getIgCatalog(IG_DIR) : undefined;

  it.each(listExamples())("checks %s against its declared profiles", (file) => {
    const resource = readJson<Patient>(file);

    const report = validateAgainstProfiles(resource, { catalog, profiles: resource.meta?.profile ?? [] });

    const findings = report.issues.filter((issue) => issue.severity !== "information").map((issue) => `${issue.severity}: ${issue.rule}`);
    expect(findings).toEqual(EXAMPLE_EXCEPTIONS[file] ?? []);
  });

  it("checks every CARIN example against its exact profile version", () => {
    const resource = readJson<Coverage>("carin-bb/stu2.0.0/Coverage-Coverage1.json");

    const report = validateAgainstProfiles(resource, { catalog, profiles: resource.meta?.profile ?? [] });

    expect(report.profiles).toEqual([`${CARIN}C4BB-Coverage|2.0.0`]);
  });
});

const patient = {
  resourceType: "Patient",
  id: "negative",
  identifier: [{ system: "https://lakeview.example/fhir/member-id", value: "M1" }],
  name: [{ family: "Rivera", given: ["Ana"] }],
  gender: "female",
  birthDate: "1980-02-03",
} satisfies Patient;

/** Copies the patient without identifiers, because a property set to undefined would still count as present. */
function patientWithoutIdentifier(): Patient {
  const copy: Patient = structuredClone(patient);
  delete copy.identifier;
  return copy;
}

interface NegativeCase {
  name: string;
  resource: () => object;
  profile: string;
  issue: ValidationIssue;
}

const negativeCases: NegativeCase[] = [
  {
    name: "missing required US Core element",
    resource: patientWithoutIdentifier,
    profile: `${US_CORE}us-core-patient|6.1.0`,
    issue: {
      severity: "error",
      code: "structure",
      expression: "Patient.identifier",
      rule: "USCorePatientProfile|6.1.0 Patient.identifier min",
      diagnostics: `Patient.identifier is missing, but ${US_CORE}us-core-patient|6.1.0 requires it (min 1); add the element.`,
    },
  },
  {
    name: "too many values",
    resource: () => {
      const coverage = readJson<Coverage>("carin-bb/stu2.0.0/Coverage-Coverage1.json");
      return { ...coverage, payor: [...coverage.payor, ...coverage.payor] };
    },
    profile: `${CARIN}C4BB-Coverage|2.0.0`,
    issue: {
      severity: "error",
      code: "structure",
      expression: "Coverage.payor",
      rule: "C4BBCoverage|2.0.0 Coverage.payor cardinality",
      diagnostics: `Coverage.payor has 2 values, but ${CARIN}C4BB-Coverage|2.0.0 allows 1..1; remove values to fit.`,
    },
  },
  {
    name: "pattern value not met",
    resource: () => ({ ...readJson<Observation>("us-core/examples/blood-pressure.json"), code: { coding: [{ system: "http://loinc.org", code: "8310-5" }] } }),
    profile: `${US_CORE}us-core-blood-pressure|6.1.0`,
    issue: {
      severity: "error",
      code: "structure",
      expression: "Observation.code",
      rule: "USCoreBloodPressureProfile|6.1.0 Observation.code pattern",
      diagnostics: `Observation.code does not match the fixed or pattern value {"coding":[{"system":"http://loinc.org","code":"85354-9"}]} that ${US_CORE}us-core-blood-pressure|6.1.0 sets; use the value from the profile.`,
    },
  },
  {
    name: "required binding violated",
    resource: () => ({
      ...readJson<Coverage>("carin-bb/stu2.0.0/Coverage-Coverage1.json"),
      relationship: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/subscriber-relationship", code: "cousin" }] },
    }),
    profile: `${CARIN}C4BB-Coverage|2.0.0`,
    issue: {
      severity: "error",
      code: "code-invalid",
      expression: "Coverage.relationship",
      rule: "C4BBCoverage|2.0.0 binding http://hl7.org/fhir/ValueSet/subscriber-relationship",
      diagnostics: `Coverage.relationship has code "cousin", but ${CARIN}C4BB-Coverage|2.0.0 requires a code from ValueSet subscriber-relationship (http://hl7.org/fhir/ValueSet/subscriber-relationship); use one of child, parent, spouse, common, other, self, injured.`,
    },
  },
  {
    name: "invariant violated",
    resource: () => ({ ...patient, name: [{ text: "Ana Rivera" }] }),
    profile: `${US_CORE}us-core-patient|6.1.0`,
    issue: {
      severity: "error",
      code: "invariant",
      expression: "Patient.name[0]",
      rule: "USCorePatientProfile|6.1.0 us-core-6",
      diagnostics:
        `Patient.name[0] fails invariant us-core-6 of ${US_CORE}us-core-patient|6.1.0: At least name.given and/or name.family are present or, if neither is available, the Data Absent Reason Extension is present. ` +
        "(FHIRPath: (family.exists() or given.exists()) xor extension.where(url='http://hl7.org/fhir/StructureDefinition/data-absent-reason').exists()); change the element so that the rule holds.",
    },
  },
];

describe.skipIf(!hasIgs)("validateAgainstProfiles errors", () => {
  const catalog = hasIgs ? getIgCatalog(IG_DIR) : undefined;

  it("accepts a valid US Core patient", () => {
    const report = validateAgainstProfiles(patient, { catalog, profiles: [`${US_CORE}us-core-patient|6.1.0`] });

    expect(report).toEqual({ profiles: [`${US_CORE}us-core-patient|6.1.0`], issues: [] });
  });

  it.each(negativeCases)("reports $name", ({ resource, profile, issue }) => {
    const report = validateAgainstProfiles(resource(), { catalog, profiles: [profile] });

    expect(report.issues).toEqual([issue]);
  });

  it("warns about a default profile the resource does not declare", () => {
    const report = validateAgainstProfiles(patientWithoutIdentifier(), { catalog });

    expect(report.profiles).toEqual([`${US_CORE}us-core-patient|6.1.0`]);
    expect(report.issues).toEqual([
      {
        ...negativeCases[0]?.issue,
        severity: "warning",
        diagnostics: `${negativeCases[0]?.issue.diagnostics} This is a warning because the resource does not declare this profile.`,
      },
    ]);
  });

  it("rejects a declared profile of another type", () => {
    const report = validateAgainstProfiles({ ...patient, meta: { profile: [`${CARIN}C4BB-Coverage|2.0.0`] } }, { catalog });

    expect(report.issues).toContainEqual({
      severity: "error",
      code: "invalid",
      expression: "meta.profile",
      diagnostics: `${CARIN}C4BB-Coverage|2.0.0 is a profile of Coverage, not of Patient; remove it from meta.profile.`,
      rule: `profile type ${CARIN}C4BB-Coverage|2.0.0`,
    });
  });

  it("skips profiles when base R4 fails", () => {
    const report = validateAgainstProfiles({ ...patient, gender: "woman" }, { catalog, profiles: [`${US_CORE}us-core-patient|6.1.0`] });

    expect(report.profiles).toEqual([]);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ severity: "error", code: "structure", expression: "Patient.gender", rule: "R4 Patient.gender" });
  });

  it("checks base R4 only without a catalog", () => {
    const report = validateAgainstProfiles(patientWithoutIdentifier(), { catalog: undefined });

    expect(report).toEqual({ profiles: [], issues: [] });
  });
});
