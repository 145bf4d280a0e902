import { randomUUID } from "node:crypto";

import type { Communication, Condition, DetectedIssue, Encounter, FhirResource, Observation, Patient, Task } from "fhir/r4";

import type { Database } from "../../db/database";
import { FhirError } from "../../fhir/fhir-error";
import { FhirStore } from "../../fhir/store/fhir-store";
import { careCodes } from "../care-codes";

/** The fixed "today" of the care tests. */
export const testNow = new Date("2026-06-15T12:00:00Z");

const actCode = careCodes.actCodeSystem;

/** Creates a staff or member account and returns its id. */
export async function addUser(db: Database, role: "member" | "care_manager" | "admin", name: string, patientId: string | null = null): Promise<string> {
  const user = await db.prisma.user.create({
    data: { email: `${randomUUID()}@lakeview.test`, name, passwordHash: "not-used-by-these-tests", role, patientId },
  });
  return user.id;
}

/** Puts patients on a care manager's panel. */
export async function addToPanel(db: Database, careManagerId: string, patientIds: readonly string[]): Promise<void> {
  await db.prisma.carePanelMember.createMany({ data: patientIds.map((patientId) => ({ careManagerId, patientId })) });
}

export function patient(id: string, given: string, family: string, birthDate: string): Patient {
  return { resourceType: "Patient", id, name: [{ use: "official", given: [given], family }], birthDate };
}

export function chronicCondition(id: string, patientId: string, clinicalStatus = "active", category = "problem-list-item"): Condition {
  return {
    resourceType: "Condition",
    id,
    clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: clinicalStatus }] },
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: category }] }],
    code: { text: "Type 2 diabetes" },
    subject: { reference: `Patient/${patientId}` },
  };
}

export function encounter(id: string, patientId: string, classCode: "IMP" | "EMER" | "AMB", start: string): Encounter {
  return {
    resourceType: "Encounter",
    id,
    status: "finished",
    class: { system: actCode, code: classCode },
    subject: { reference: `Patient/${patientId}` },
    period: { start, end: start },
  };
}

export function careGap(patientId: string, measureId: string, status: "open" | "closed"): DetectedIssue {
  return {
    resourceType: "DetectedIssue",
    id: `gap-${measureId}-${patientId}-2026`,
    modifierExtension: [
      {
        url: careCodes.gapStatusExtension,
        valueCodeableConcept: { coding: [{ system: "http://hl7.org/fhir/us/davinci-deqm/CodeSystem/gaps-status", code: status === "open" ? "open-gap" : "closed-gap" }] },
      },
    ],
    status: status === "open" ? "preliminary" : "final",
    code: { coding: [{ system: actCode, code: careCodes.careGapCode }] },
    patient: { reference: `Patient/${patientId}` },
    identifiedDateTime: "2026-03-01T00:00:00Z",
    implicated: [{ reference: `Measure/${measureId}` }],
    evidence: [{ detail: [{ reference: `MeasureReport/mr-${measureId}-${patientId}-2026` }] }],
  };
}

export function call(id: string, patientId: string, sent: string): Communication {
  return {
    resourceType: "Communication",
    id,
    status: "completed",
    subject: { reference: `Patient/${patientId}` },
    medium: [{ coding: [{ system: careCodes.participationModeSystem, code: "PHONE" }] }],
    sent,
  };
}

export function outreachTask(id: string, patientId: string, status: Task["status"] = "requested"): Task {
  return {
    resourceType: "Task",
    id,
    status,
    intent: "order",
    code: { coding: [{ system: careCodes.taskTypeSystem, code: careCodes.outreachTask }] },
    for: { reference: `Patient/${patientId}` },
    authoredOn: "2026-06-01T09:00:00Z",
  };
}

/** Builds a member-reported mammography Observation with its pending review Task, as the member side stores them. */
export function reportedEvidence(patientId: string, suffix: string): { observation: Observation; task: Task } {
  const observation: Observation = {
    resourceType: "Observation",
    id: `reported-${suffix}`,
    meta: {
      tag: [
        { system: careCodes.evidenceReviewSystem, code: "pending" },
        { system: careCodes.evidenceSourceSystem, code: "patient-reported" },
      ],
    },
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code: "24606-6", display: "MG Breast Screening" }], text: "Mammography" },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: "2026-02-10",
  };
  const task: Task = {
    resourceType: "Task",
    id: `review-${suffix}`,
    status: "requested",
    intent: "order",
    code: { coding: [{ system: careCodes.taskTypeSystem, code: careCodes.evidenceReviewTask }] },
    for: { reference: `Patient/${patientId}` },
    focus: { reference: `Observation/reported-${suffix}` },
    reasonReference: { reference: `DetectedIssue/gap-lakeview-cms125-${patientId}-2026` },
    authoredOn: "2026-06-02T10:00:00Z",
    requester: { reference: `Patient/${patientId}` },
  };
  return { observation, task };
}

/** Stores resources under their own ids. */
export async function putAll(db: Database, resources: readonly FhirResource[]): Promise<void> {
  const store = new FhirStore(db);
  for (const resource of resources) {
    await store.update(resource);
  }
}

/** Settles a promise into the FhirError code and message it failed with, or code "none" when it succeeded. */
export function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  return promise.then(
    () => ({ code: "none", message: "" }),
    (error: unknown) => (error instanceof FhirError ? { code: error.code, message: error.message } : { code: "other", message: String(error) }),
  );
}
