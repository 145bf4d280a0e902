import type { FhirResource, Resource } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { addValueRows } from "./add-value-rows";
import type { TypedValue } from "./compile-fhirpath-expression";
import { compileFhirPathExpression } from "./compile-fhirpath-expression";
import { extractIndexRows, listCompiledSearchParameters } from "./extract-index-rows";
import { IndexRowCollector } from "./index-row-collector";
import type { IndexRows } from "./index-rows";
import { hasSampleData, readSampleResources, SAMPLE_DATA_DIR } from "./read-sample-resources";
import { INDEXED_RESOURCE_TYPES } from "./search-parameters";

const fhirPathByExpression = new Map<string, (resource: Resource) => TypedValue[]>();

/** Computes the same rows by running every expression through fhirpath.js. */
function extractIndexRowsWithFhirPath(resource: Resource): IndexRows {
  const collector = new IndexRowCollector();
  for (const parameter of listCompiledSearchParameters(resource.resourceType)) {
    for (const { expression } of parameter.expressions) {
      let evaluate = fhirPathByExpression.get(expression);
      if (evaluate === undefined) {
        evaluate = compileFhirPathExpression(expression);
        fhirPathByExpression.set(expression, evaluate);
      }
      for (const { value, type } of evaluate(resource)) addValueRows(collector, parameter.code, parameter.type, value, type);
    }
  }
  return collector.rows;
}

/** Converts rows to sorted JSON lines per row kind, so the comparison ignores order. */
function canonical(rows: IndexRows): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(rows).map(([kind, list]: [string, unknown[]]) => [kind, list.map((row) => JSON.stringify(row)).sort()]),
  );
}

const period = { start: "2019-07-04T09:00:00-05:00", end: "2019-07-04T10:00:00-05:00" };
const concept = (code: string): { coding: { system: string; code: string }[]; text: string } => ({ coding: [{ system: "http://example.org/cs", code }], text: `Text ${code}` });
const patientRef = { reference: "Patient/p1" };
const doctorRef = { reference: "Practitioner/d1" };

/** Hand-made resources that reach the choice types, filters and types the samples leave out. */
const handMade: FhirResource[] = [
  {
    resourceType: "Patient", id: "p1", deceasedDateTime: "2020-01-02T03:04:05Z", communication: [{ language: concept("en") }],
    link: [{ other: { reference: "Patient/p0" }, type: "replaces" }], telecom: [{ system: "email", value: "a@example.org" }, { system: "phone", value: "1" }],
    name: [{ use: "official", family: "Ünal", given: ["Ayşe"] }], address: [{ use: "home", district: "Kadıköy", state: "İstanbul", text: "Kadıköy, İstanbul" }],
  },
  { resourceType: "Patient", id: "p2", deceasedBoolean: false, meta: { security: [{ system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "R" }] } },
  {
    resourceType: "Coverage", status: "active", beneficiary: patientRef, policyHolder: patientRef, subscriber: { reference: "RelatedPerson/r1" },
    payor: [{ reference: "Organization/o1" }], class: [{ type: concept("group"), value: "G-1" }], dependent: "01", type: concept("HMO"), identifier: [{ value: "C1" }],
  },
  {
    resourceType: "ExplanationOfBenefit", status: "active", type: concept("professional"), use: "claim", patient: patientRef, created: "2019-07-04",
    insurer: { reference: "Organization/o1" }, provider: doctorRef, outcome: "complete", disposition: "Paid in full", claim: { reference: "Claim/c1" },
    careTeam: [{ sequence: 1, provider: doctorRef }], insurance: [{ focal: true, coverage: { reference: "Coverage/cov1" } }],
    item: [{ sequence: 1, productOrService: concept("99213"), encounter: [{ reference: "Encounter/e1" }], udi: [{ reference: "Device/u1" }],
      detail: [{ sequence: 1, productOrService: concept("x"), udi: [{ reference: "Device/u2" }], subDetail: [{ sequence: 1, productOrService: concept("y"), udi: [{ reference: "Device/u3" }] }] }] }],
    payee: { type: concept("provider"), party: doctorRef }, procedure: [{ sequence: 1, procedureCodeableConcept: concept("p"), udi: [{ reference: "Device/u4" }] }],
    facility: { reference: "Location/l1" }, enterer: doctorRef, total: [{ category: concept("submitted"), amount: { value: 120.5, currency: "USD" } }],
  },
  {
    resourceType: "Claim", status: "active", type: concept("oral"), use: "claim", patient: patientRef, created: "2019-07-04T10:00:00Z", provider: doctorRef,
    priority: concept("normal"), insurance: [{ sequence: 1, focal: true, coverage: { reference: "Coverage/cov1" } }], careTeam: [{ sequence: 1, provider: doctorRef }],
    payee: { type: concept("provider"), party: { reference: "Organization/o1" } },
  },
  {
    resourceType: "Encounter", status: "finished", class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB" }, subject: patientRef, period,
    length: { value: 60, unit: "min", system: "http://unitsofmeasure.org", code: "min" }, participant: [{ type: [concept("ATND")], individual: doctorRef }, { individual: { reference: "RelatedPerson/r1" } }],
    location: [{ location: { reference: "Location/l1" }, period: { start: "2019-07-04" } }], hospitalization: { specialArrangement: [concept("wheel")] },
    diagnosis: [{ condition: { reference: "Condition/c1" } }], reasonCode: [concept("r")], serviceProvider: { reference: "Organization/o1" },
  },
  { resourceType: "Condition", subject: patientRef, code: concept("c"), onsetAge: { value: 52, unit: "a", system: "http://unitsofmeasure.org", code: "a" }, abatementRange: { low: { value: 60 }, high: { value: 61 } }, stage: [{ summary: concept("s") }], evidence: [{ code: [concept("e")], detail: [{ reference: "Observation/o9" }] }] },
  { resourceType: "Condition", subject: { reference: "Group/g1" }, onsetString: "In her  Twenties", abatementDateTime: "2001", recordedDate: "2000-05" },
  { resourceType: "Condition", subject: patientRef, onsetPeriod: { end: "1999" }, abatementString: "Resolved" },
  {
    resourceType: "Observation", status: "final", code: concept("bp"), subject: patientRef, effectiveInstant: "2019-07-04T10:00:00.123Z",
    component: [{ code: concept("sys"), valueQuantity: { value: 120, code: "mm[Hg]" } }, { code: concept("note"), valueCodeableConcept: concept("ok") }, { code: concept("absent"), dataAbsentReason: concept("unknown") }],
    performer: [doctorRef, patientRef], hasMember: [{ reference: "Observation/o2" }], derivedFrom: [{ reference: "Observation/o3" }],
  },
  { resourceType: "Observation", status: "final", code: concept("smoker"), subject: patientRef, valueCodeableConcept: concept("never"), effectiveTiming: { event: ["2019-07-04", "2019-07-05T10:00:00Z"] } },
  { resourceType: "Observation", status: "final", code: concept("text"), subject: patientRef, valueString: "Feels  FINE", effectivePeriod: { start: "2019" } },
  { resourceType: "Observation", status: "final", code: concept("p"), subject: patientRef, valuePeriod: period },
  { resourceType: "Observation", status: "final", code: concept("d"), subject: patientRef, valueDateTime: "2019-07-04T10:00:00+14:00" },
  {
    resourceType: "MedicationRequest", status: "active", intent: "order", subject: patientRef, medicationCodeableConcept: concept("rx"), authoredOn: "2019-07-04",
    dosageInstruction: [{ timing: { event: ["2019-07-05T08:00:00Z", "2019-07-06T08:00:00Z"] } }], requester: doctorRef, dispenseRequest: { performer: { reference: "Organization/o1" } },
    performerType: concept("nurse"), category: [concept("outpatient")], priority: "routine",
  },
  { resourceType: "MedicationRequest", status: "active", intent: "order", subject: patientRef, medicationReference: { reference: "Medication/m1" } },
  {
    resourceType: "Immunization", status: "completed", vaccineCode: concept("flu"), patient: patientRef, occurrenceString: "last fall", lotNumber: "LOT-1",
    protocolApplied: [{ series: "Primary", targetDisease: [concept("flu")], doseNumberPositiveInt: 1 }], reaction: [{ date: "2019-07-05", detail: { reference: "Observation/o4" } }],
    performer: [{ actor: doctorRef }], reasonCode: [concept("season")], statusReason: concept("none"),
  },
  { resourceType: "Procedure", status: "completed", subject: patientRef, code: concept("proc"), performedPeriod: period, performer: [{ actor: doctorRef }], instantiatesCanonical: ["http://example.org/PlanDefinition/pd|1"], instantiatesUri: ["http://example.org/protocol"] },
  { resourceType: "Procedure", status: "completed", subject: patientRef, performedString: "as a child" },
  {
    resourceType: "AllergyIntolerance", patient: patientRef, code: concept("peanut"), criticality: "high", category: ["food"], type: "allergy", recordedDate: "2019-07-04",
    lastOccurrence: "2019-08-01T00:00:00Z", reaction: [{ substance: concept("arachis"), manifestation: [concept("hives")], onset: "2019-08-01", severity: "mild", exposureRoute: concept("oral") }],
    clinicalStatus: concept("active"), verificationStatus: concept("confirmed"), recorder: doctorRef, asserter: patientRef,
  },
  {
    resourceType: "CarePlan", status: "active", intent: "plan", subject: patientRef, period: { start: "2019-07-04" }, careTeam: [{ reference: "CareTeam/ct1" }],
    activity: [{ detail: { status: "scheduled", code: concept("walk"), scheduledTiming: { event: ["2019-07-10"] }, performer: [patientRef] } },
      { detail: { status: "scheduled", scheduledPeriod: period } }, { detail: { status: "scheduled", scheduledString: "daily" } }, { reference: { reference: "ServiceRequest/s1" } }],
    addresses: [{ reference: "Condition/c1" }], goal: [{ reference: "Goal/g1" }], instantiatesCanonical: ["http://example.org/PlanDefinition/pd"],
  },
  {
    resourceType: "DiagnosticReport", status: "final", code: concept("cbc"), subject: patientRef, effectivePeriod: period, issued: "2019-07-04T12:00:00.000Z",
    result: [{ reference: "Observation/o1" }], media: [{ link: { reference: "Media/m1" } }], conclusionCode: [concept("normal")], performer: [doctorRef],
  },
  {
    resourceType: "DocumentReference", status: "current", subject: patientRef, type: concept("note"), category: [concept("clinical")], date: "2019-07-04T12:00:00Z",
    masterIdentifier: { system: "urn:ietf:rfc:3986", value: "urn:oid:1.2.3" }, identifier: [{ value: "D1" }], author: [doctorRef], description: "Visit   note",
    content: [{ attachment: { contentType: "text/plain", language: "en-US", url: "http://example.org/doc.txt" }, format: { system: "urn:oid:1.3.6.1.4.1.19376.1.2.3", code: "urn:ihe:pcc:xphr:2007" } }],
    context: { encounter: [{ reference: "Encounter/e1" }], period, event: [concept("ev")], facilityType: concept("f"), practiceSetting: concept("ps"), related: [{ reference: "Patient/p1" }] },
    relatesTo: [{ code: "replaces", target: { reference: "DocumentReference/d0" } }], securityLabel: [concept("N")],
  },
  { resourceType: "Organization", name: "Lakeview  Health Plan", alias: ["LHP"], active: true, type: [concept("pay")], address: [{ city: "Springfield", state: "IL" }], partOf: { reference: "Organization/o0" } },
  { resourceType: "Practitioner", name: [{ family: "Osler", given: ["William"] }], telecom: [{ system: "email", value: "w@example.org" }], gender: "male", communication: [concept("en")], active: true },
  { resourceType: "PractitionerRole", practitioner: doctorRef, organization: { reference: "Organization/o1" }, code: [concept("doc")], specialty: [concept("fam")], period: { end: "2030" }, telecom: [{ system: "phone", value: "2" }], location: [{ reference: "Location/l1" }] },
  { resourceType: "Location", name: "Main Clinic", alias: ["HQ"], status: "active", address: { city: "Springfield", postalCode: "62701", use: "work" }, managingOrganization: { reference: "Organization/o1" }, type: [concept("clinic")], operationalStatus: { code: "O" } },
  {
    resourceType: "Task", status: "requested", intent: "order", for: patientRef, focus: { reference: "ServiceRequest/s1" }, executionPeriod: period, authoredOn: "2019-07-04",
    lastModified: "2019-07-05T00:00:00Z", owner: doctorRef, businessStatus: concept("waiting"), code: concept("fulfill"), groupIdentifier: { value: "G" }, performerType: [concept("nurse")], priority: "urgent",
  },
  { resourceType: "Task", status: "requested", intent: "order", for: { reference: "Group/g1" } },
  { resourceType: "Communication", status: "completed", subject: patientRef, sender: doctorRef, recipient: [patientRef], sent: "2019-07-04T10:00:00Z", received: "2019-07-04T10:05:00Z", category: [concept("notice")], medium: [concept("email")] },
  { resourceType: "DetectedIssue", status: "final", patient: patientRef, code: concept("drug"), identifiedDateTime: "2019-07-04", implicated: [{ reference: "MedicationRequest/mr1" }], author: doctorRef },
  { resourceType: "DetectedIssue", status: "final", identifiedPeriod: period },
  { resourceType: "MeasureReport", status: "complete", type: "individual", measure: "http://example.org/Measure/bcs", subject: patientRef, date: "2019-12-31", period: { start: "2019-01-01", end: "2019-12-31" }, evaluatedResource: [{ reference: "Observation/o1" }], reporter: { reference: "Organization/o1" } },
  { resourceType: "Provenance", target: [patientRef, { reference: "Observation/o1" }], recorded: "2019-07-04T10:00:00.000Z", occurredDateTime: "2019-07-04", agent: [{ who: doctorRef, role: [concept("author")], type: concept("author") }], entity: [{ role: "source", what: { reference: "DocumentReference/d1" } }], signature: [{ type: [{ system: "urn:iso-astm:E1762-95:2013", code: "1.2.840.10065.1.12.1.1" }], when: "2019-07-04T10:00:00Z", who: doctorRef }] },
  { resourceType: "Provenance", target: [patientRef], recorded: "2019-07-04T10:00:00Z", occurredPeriod: period, agent: [{ who: doctorRef }] },
  {
    resourceType: "AuditEvent", type: { system: "http://dicom.nema.org/resources/ontology/DCM", code: "110110" }, subtype: [{ code: "read" }], action: "R", recorded: "2019-07-04T10:00:00.000Z", outcome: "0",
    agent: [{ who: patientRef, requestor: true, altId: "member-42", name: "Member  Portal", network: { address: "10.0.0.1", type: "2" }, role: [concept("member")], policy: ["http://example.org/policy"] }],
    source: { site: "portal", observer: { reference: "Device/portal" } }, entity: [{ what: { reference: "Observation/o1" }, type: { code: "2" }, role: { code: "4" }, name: "Weight" }, { what: patientRef }],
  },
  { resourceType: "Goal", id: "g1", lifecycleStatus: "active", description: { text: "Walk daily" }, subject: patientRef, target: [{ dueDate: "2020-01" }], startDate: "2019-07-04", category: [concept("dietary")] },
  { resourceType: "CareTeam", id: "ct1", status: "active", subject: patientRef, period: { start: "2019-07-04" }, participant: [{ member: { reference: "Practitioner/pr1" } }], category: [concept("LA27976-2")] },
  {
    resourceType: "ImagingStudy", id: "is1", status: "available", subject: patientRef, started: "2019-07-04T10:00:00-04:00",
    series: [{ uid: "1.2.3", modality: { system: "http://dicom.nema.org/resources/ontology/DCM", code: "DX" }, bodySite: { code: "51185008" }, instance: [{ uid: "1.2.3.4", sopClass: { code: "1.2.840.10008.5.1.4.1.1.1.1" } }] }],
  },
  { resourceType: "RelatedPerson", id: "rp1", patient: patientRef, active: true, name: [{ family: "Ortíz", given: ["Lu"] }], birthDate: "1970", relationship: [concept("SPS")], telecom: [{ system: "phone", value: "555-0100" }] },
  { resourceType: "MedicationAdministration", id: "ma1", status: "completed", subject: patientRef, medicationCodeableConcept: concept("313782"), effectiveDateTime: "2019-07-04T10:00:00Z", context: { reference: "Encounter/e1" } },
  { resourceType: "Device", id: "d1", patient: patientRef, type: concept("14106009"), status: "active", udiCarrier: [{ deviceIdentifier: "09504000059118", carrierHRF: "(01)09504000059118" }] },
  { resourceType: "ServiceRequest", id: "sr1", status: "active", intent: "order", subject: patientRef, code: concept("73761001"), authoredOn: "2019-07-04", occurrenceDateTime: "2019-08", requester: { reference: "Practitioner/pr1" } },
];

describe("extractIndexRows on hand-made resources", () => {
  it("matches fhirpath.js for every parameter", () => {
    const mismatches: string[] = [];

    for (const resource of handMade) {
      const fast = canonical(extractIndexRows(resource));
      const reference = canonical(extractIndexRowsWithFhirPath(resource));
      if (JSON.stringify(fast) !== JSON.stringify(reference)) mismatches.push(`${resource.resourceType}: ${JSON.stringify(fast)} ≠ ${JSON.stringify(reference)}`);
    }

    expect(mismatches).toEqual([]);
  });

  it("covers every indexed type", () => {
    const types = new Set<string>(handMade.map((resource) => resource.resourceType));

    expect(INDEXED_RESOURCE_TYPES.filter((type) => !types.has(type))).toEqual([]);
  });
});

describe.skipIf(!hasSampleData())(`extractIndexRows on the samples in ${SAMPLE_DATA_DIR}`, () => {
  const samples = readSampleResources();

  it("matches fhirpath.js for every parameter of every resource", () => {
    const mismatches: string[] = [];
    let rowCount = 0;

    for (const { file, resource } of samples) {
      const fast = canonical(extractIndexRows(resource));
      const reference = canonical(extractIndexRowsWithFhirPath(resource));
      rowCount += Object.values(fast).reduce((sum, list) => sum + list.length, 0);
      for (const kind of Object.keys(reference)) {
        const onlyFast = fast[kind]?.filter((row) => !reference[kind]?.includes(row)) ?? [];
        const onlyFhirPath = reference[kind]?.filter((row) => !fast[kind]?.includes(row)) ?? [];
        if (onlyFast.length || onlyFhirPath.length) {
          mismatches.push(`${file} ${resource.resourceType}/${resource.id} ${kind}: walker only ${onlyFast.join(" ")}; fhirpath only ${onlyFhirPath.join(" ")}`);
        }
      }
    }

    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(samples.length).toBeGreaterThan(10_000);
    expect(rowCount).toBeGreaterThan(samples.length * 5);
  });

  it("fills most parameters of the sample types", () => {
    const filled = new Set<string>();

    for (const { resource } of samples) {
      const rows = extractIndexRows(resource);
      for (const list of Object.values(rows) as { param: string }[][]) {
        for (const row of list) filled.add(`${resource.resourceType}.${row.param}`);
      }
    }

    expect([...filled]).toEqual(expect.arrayContaining([
      "Observation.code", "Observation.date", "Observation.value-quantity", "Observation.patient", "Observation.subject",
      "Patient.name", "Patient.birthdate", "Patient.deceased", "Patient.identifier", "Patient.address-city",
      "ExplanationOfBenefit.patient", "Coverage.beneficiary", "Claim.created", "Encounter.date", "Condition.onset-date",
    ]));
  });
});

describe("search expression compilation", () => {
  it("uses fhirpath.js only for the deceased expression", () => {
    const slow = INDEXED_RESOURCE_TYPES.flatMap((type) =>
      listCompiledSearchParameters(type).flatMap((parameter) =>
        parameter.expressions.filter((expression) => expression.engine === "fhirpath").map((expression) => expression.expression),
      ),
    );

    expect(slow).toEqual(["Patient.deceased.exists() and Patient.deceased != false"]);
  });
});
