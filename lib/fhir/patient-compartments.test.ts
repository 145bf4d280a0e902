import type { Coverage, ExplanationOfBenefit, Observation, Patient, Practitioner, Resource } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { extractIndexRows } from "./extract-index-rows";
import { PATIENT_COMPARTMENT_PARAMS, patientCompartmentsOf } from "./patient-compartments";
import { hasSampleData, readSampleResources, SAMPLE_DATA_DIR } from "./read-sample-resources";
import { INDEXED_RESOURCE_TYPES, listSearchParameters } from "./search-parameters";

function compartmentsOf(resource: Resource): string[] {
  return patientCompartmentsOf(resource, extractIndexRows(resource));
}

describe("patientCompartmentsOf", () => {
  it("indexes every compartment param as a reference", () => {
    const missing: string[] = [];

    for (const type of INDEXED_RESOURCE_TYPES) {
      const referenceParams = listSearchParameters(type).filter((p) => p.type === "reference").map((p) => p.code);
      for (const param of PATIENT_COMPARTMENT_PARAMS.get(type) ?? []) {
        if (!referenceParams.includes(param)) missing.push(`${type}.${param}`);
      }
    }

    expect(missing).toEqual([]);
  });

  it("puts a Patient in its own and linked compartments", () => {
    const patient = {
      resourceType: "Patient",
      id: "p1",
      link: [{ other: { reference: "Patient/p0" }, type: "replaces" }, { other: { reference: "RelatedPerson/r1" }, type: "seealso" }],
    } satisfies Patient;

    expect(compartmentsOf(patient)).toEqual(["p0", "p1"]);
  });

  it("puts an Observation in subject and performer compartments", () => {
    const observation = {
      resourceType: "Observation",
      status: "final",
      code: { text: "note" },
      subject: { reference: "Patient/p1/_history/3" },
      performer: [{ reference: "Patient/p2" }, { reference: "Practitioner/d1" }],
      focus: [{ reference: "Patient/p3" }],
    } satisfies Observation;

    expect(compartmentsOf(observation)).toEqual(["p1", "p2"]);
  });

  it("ignores absolute and identifier-only references", () => {
    const observation = {
      resourceType: "Observation",
      status: "final",
      code: { text: "note" },
      subject: { reference: "https://other.example/fhir/Patient/p1" },
      performer: [{ identifier: { system: "urn:example", value: "p2" } }],
    } satisfies Observation;

    expect(compartmentsOf(observation)).toEqual([]);
  });

  it("puts a Coverage in its beneficiary, subscriber and payor compartments", () => {
    const coverage = {
      resourceType: "Coverage",
      status: "active",
      beneficiary: { reference: "Patient/child" },
      subscriber: { reference: "Patient/parent" },
      payor: [{ reference: "Organization/payer" }],
    } satisfies Coverage;

    expect(compartmentsOf(coverage)).toEqual(["child", "parent"]);
  });

  it("puts a Practitioner in no compartment", () => {
    const practitioner = { resourceType: "Practitioner", id: "d1", name: [{ family: "Osler" }] } satisfies Practitioner;

    expect(compartmentsOf(practitioner)).toEqual([]);
  });
});

describe.skipIf(!hasSampleData())(`patientCompartmentsOf on the samples in ${SAMPLE_DATA_DIR}`, () => {
  const samples = readSampleResources();
  const byKey = new Map(samples.map(({ resource }) => [`${resource.resourceType}/${resource.id}`, resource]));

  it("puts each CARIN EOB in its patient's compartment", () => {
    const eobs = samples.filter(({ file, resource }) => file.startsWith("carin-bb") && resource.resourceType === "ExplanationOfBenefit");

    expect(eobs.length).toBeGreaterThan(10);
    for (const { file, resource } of eobs) {
      const patient = (resource as ExplanationOfBenefit).patient.reference ?? "";
      expect(compartmentsOf(resource), file).toEqual([patient.replace("Patient/", "")]);
    }
  });

  it("puts each CARIN Coverage in its beneficiary's compartment", () => {
    const coverages = samples.filter(({ file, resource }) => file.startsWith("carin-bb") && resource.resourceType === "Coverage");

    expect(coverages.length).toBeGreaterThan(2);
    for (const { file, resource } of coverages) {
      const beneficiary = (resource as Coverage).beneficiary.reference ?? "";
      expect(compartmentsOf(resource), file).toContain(beneficiary.replace("Patient/", ""));
    }
  });

  it("puts every indexed Synthea resource in one patient's compartment", () => {
    const wrong: string[] = [];
    const synthea = samples.filter(({ file, resource }) => file.startsWith("synthea") && INDEXED_RESOURCE_TYPES.includes(resource.resourceType));

    for (const { file, resource } of synthea) {
      const compartments = compartmentsOf(resource);
      const patientIds = compartments.filter((id) => byKey.has(`Patient/${id}`));
      const isShared = resource.resourceType === "Practitioner" || resource.resourceType === "Organization";
      if (!isShared && (compartments.length !== 1 || patientIds.length !== 1)) {
        wrong.push(`${file} ${resource.resourceType}/${resource.id}: [${compartments.join(", ")}]`);
      }
    }

    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it("puts no Practitioner or Organization in a compartment", () => {
    const placed = samples
      .filter(({ resource }) => resource.resourceType === "Practitioner" || resource.resourceType === "Organization")
      .filter(({ resource }) => compartmentsOf(resource).length > 0);

    expect(placed).toEqual([]);
  });
});
