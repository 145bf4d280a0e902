import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { Bundle, Library, Measure, MeasureGroupPopulation, Observation, Patient, ValueSet } from "fhir/r4";

import { measurePopulationSystem } from "../measure-populations";

// A small proportion measure made up for tests, so the loader and the evaluator are tested without
// the NCQA-owned sample content. Everyone is in the denominator, and an Observation coded LOINC
// 24606-6 (mammography) in the ValueSet puts the patient in the numerator. Its main Library
// includes a helper Library, so dependencies are followed.

export const syntheticMeasureUrl = "https://lakeview.example/fhir/Measure/lakeview-test-screening";
export const syntheticValueSetUrl = "https://lakeview.example/fhir/ValueSet/test-screening";
const libraryBase = "https://lakeview.example/fhir/Library";
const fhirType = (name: string): string => `{http://hl7.org/fhir}${name}`;
const booleanTrue = { type: "Literal", valueType: "{urn:hl7-org:elm-types:r1}Boolean", value: "true" };

function elmLibrary(name: string, body: Record<string, unknown>): Record<string, unknown> {
  return {
    library: {
      identifier: { id: name, version: "1.0.0" },
      schemaIdentifier: { id: "urn:hl7-org:elm", version: "r1" },
      usings: {
        def: [
          { localIdentifier: "System", uri: "urn:hl7-org:elm-types:r1" },
          { localIdentifier: "FHIR", uri: "http://hl7.org/fhir", version: "4.0.1" },
        ],
      },
      contexts: { def: [{ name: "Patient" }] },
      ...body,
    },
  };
}

function statement(localId: string, name: string, expression: Record<string, unknown>): Record<string, unknown> {
  return { localId, name, context: "Patient", accessLevel: "Public", expression: { localId: `${localId}0`, ...expression } };
}

const mainElm = elmLibrary("LakeviewTestScreening", {
  includes: { def: [{ localIdentifier: "Helpers", path: "LakeviewTestHelpers", version: "1.0.0" }] },
  parameters: {
    def: [
      {
        name: "Measurement Period",
        accessLevel: "Public",
        parameterTypeSpecifier: { type: "IntervalTypeSpecifier", pointType: { type: "NamedTypeSpecifier", name: "{urn:hl7-org:elm-types:r1}DateTime" } },
      },
    ],
  },
  valueSets: { def: [{ name: "Screening Test", id: syntheticValueSetUrl, accessLevel: "Public" }] },
  statements: {
    def: [
      { name: "Patient", context: "Patient", expression: { type: "SingletonFrom", operand: { type: "Retrieve", dataType: fhirType("Patient") } } },
      statement("1", "Initial Population", booleanTrue),
      statement("2", "Denominator", booleanTrue),
      statement("3", "Numerator", {
        type: "Exists",
        operand: { type: "Retrieve", dataType: fhirType("Observation"), codeProperty: "code", codes: { type: "ValueSetRef", name: "Screening Test" } },
      }),
    ],
  },
});

const helperElm = elmLibrary("LakeviewTestHelpers", { statements: { def: [statement("1", "Always", booleanTrue)] } });

function library(name: string, elm: Record<string, unknown> | undefined, dependsOn: string[]): Library {
  return {
    resourceType: "Library",
    id: name,
    url: `${libraryBase}/${name}`,
    name,
    version: "1.0.0",
    status: "active",
    type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/library-type", code: "logic-library" }] },
    relatedArtifact: dependsOn.map((resource) => ({ type: "depends-on", resource })),
    content: elm ? [{ contentType: "application/elm+json", data: Buffer.from(JSON.stringify(elm)).toString("base64") }] : [],
  };
}

const population = (code: string, expression: string): MeasureGroupPopulation => ({
  code: { coding: [{ system: measurePopulationSystem, code }] },
  criteria: { language: "text/cql-identifier", expression },
});

/** Builds the synthetic Measure, its two Libraries and its ValueSet as loose resources. */
export function syntheticMeasureResources(): { measure: Measure; mainLibrary: Library; helperLibrary: Library; valueSet: ValueSet } {
  const measure: Measure = {
    resourceType: "Measure",
    id: "lakeview-test-screening",
    url: syntheticMeasureUrl,
    version: "1.0.0",
    status: "active",
    library: [`${libraryBase}/LakeviewTestScreening`],
    scoring: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/measure-scoring", code: "proportion" }] },
    improvementNotation: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/measure-improvement-notation", code: "increase" }] },
    group: [
      {
        id: "group-1",
        population: [population("initial-population", "Initial Population"), population("denominator", "Denominator"), population("numerator", "Numerator")],
      },
    ],
  };
  const valueSet: ValueSet = {
    resourceType: "ValueSet",
    id: "test-screening",
    url: syntheticValueSetUrl,
    version: "1.0.0",
    status: "active",
    expansion: { timestamp: "2026-01-01T00:00:00Z", contains: [{ system: "http://loinc.org", code: "24606-6" }] },
  };
  return {
    measure,
    mainLibrary: library("LakeviewTestScreening", mainElm, [`${libraryBase}/LakeviewTestHelpers|1.0.0`, syntheticValueSetUrl]),
    helperLibrary: library("LakeviewTestHelpers", helperElm, []),
    valueSet,
  };
}

/** Builds a Library like the synthetic ones but without ELM JSON, as a CQL-only export would be. */
export function libraryWithoutElm(name: string): Library {
  return library(name, undefined, []);
}

/** Writes each resource as `<folder>/<resourceType>-<id>.json` under `dir` and returns `dir`. */
export function writeResources(dir: string, folder: string, resources: readonly { resourceType: string; id?: string }[]): string {
  mkdirSync(path.join(dir, folder), { recursive: true });
  for (const resource of resources) {
    writeFileSync(path.join(dir, folder, `${resource.resourceType}-${resource.id ?? "unnamed"}.json`), JSON.stringify(resource));
  }
  return dir;
}

/** Builds a patient Bundle with one Patient and, per entry of `observations`, an Observation coded 24606-6 carrying those tags. */
export function syntheticPatientData(patientId: string, observations: { tag?: string }[]): Bundle {
  const patient: Patient = { resourceType: "Patient", id: patientId, gender: "female", birthDate: "1970-01-01" };
  const resources: (Patient | Observation)[] = [
    patient,
    ...observations.map(
      (observation, index): Observation => ({
        resourceType: "Observation",
        id: `${patientId}-obs-${index}`,
        status: "final",
        code: { coding: [{ system: "http://loinc.org", code: "24606-6" }] },
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: "2026-03-04",
        ...(observation.tag ? { meta: { tag: [{ system: "https://lakeview.example/fhir/CodeSystem/evidence-review", code: observation.tag }] } } : {}),
      }),
    ),
  ];
  return { resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) };
}
