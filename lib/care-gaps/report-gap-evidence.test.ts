import type { Immunization, Observation, Procedure, Task } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import type { SqlClient } from "../db/sql-client";
import { FhirStore } from "../fhir/store/fhir-store";
import { gapPatient, gapResources } from "./care-gap-test-resources";
import { getMemberCareGaps } from "./get-member-care-gaps";
import { listGapTasks } from "./list-gap-tasks";
import { reportGapEvidence } from "./report-gap-evidence";
import { requestGapHelp } from "./request-gap-help";

let db: Database;
let store: FhirStore;

const now = new Date("2026-06-15T17:00:00Z");
const viewContext = { today: "2026-06-15", mayAct: true };

beforeAll(async () => {
  db = await openTestDatabase();
  store = new FhirStore(db);
});

afterAll(async () => {
  await db.close();
});

/** Stores a patient with one open gap per measure given and returns the gap ids by measure. */
async function storeGaps(patientId: string, measureIds: string[], status: "open" | "closed" = "open"): Promise<Record<string, string>> {
  await store.update(gapPatient(patientId));
  const ids: Record<string, string> = {};
  for (const measureId of measureIds) {
    const [report, issue] = gapResources(patientId, measureId, 2026, status);
    await store.writeAll([
      { kind: "put", resource: report },
      { kind: "put", resource: issue },
    ]);
    ids[measureId] = issue.id ?? "";
  }
  return ids;
}

async function countResources(patientId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const type of ["Observation", "Procedure", "Immunization", "Task"] as const) {
    counts[type] = (await store.listInPatientCompartment(patientId, type)).length;
  }
  return counts;
}

const nothingWritten = { Observation: 0, Procedure: 0, Immunization: 0, Task: 0 };

describe("reportGapEvidence", () => {
  it("stores the evidence and its review Task together", async () => {
    const gaps = await storeGaps("report-mammogram", ["lakeview-cms125"]);

    const outcome = await reportGapEvidence(db, {
      patientId: "report-mammogram",
      requesterPatientId: "report-mammogram",
      gapId: gaps["lakeview-cms125"] ?? "",
      form: { date: "2026-05-02", place: "Desert Imaging Center" },
      now,
    });

    expect(outcome).toMatchObject({ kind: "reported", measureId: "lakeview-cms125" });
    const [observation] = await store.listInPatientCompartment("report-mammogram", "Observation");
    const [task] = await store.listInPatientCompartment("report-mammogram", "Task");
    expect(observation).toMatchObject({
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "24606-6" }] },
      subject: { reference: "Patient/report-mammogram" },
      effectiveDateTime: "2026-05-02",
      performer: [{ display: "Desert Imaging Center" }],
    } satisfies Partial<Observation>);
    expect(observation?.meta?.tag).toEqual([
      { system: "https://lakeview.example/fhir/CodeSystem/evidence-review", code: "pending" },
      { system: "https://lakeview.example/fhir/CodeSystem/evidence-source", code: "patient-reported" },
    ]);
    expect(task).toMatchObject({
      id: outcome.kind === "reported" ? outcome.taskId : "",
      status: "requested",
      intent: "order",
      code: { coding: [{ system: "https://lakeview.example/fhir/CodeSystem/task-type", code: "review-reported-evidence" }] },
      for: { reference: "Patient/report-mammogram" },
      focus: { reference: `Observation/${observation?.id ?? ""}` },
      reasonReference: { reference: `DetectedIssue/${gaps["lakeview-cms125"] ?? ""}` },
      authoredOn: "2026-06-15T17:00:00.000Z",
      requester: { reference: "Patient/report-mammogram" },
    } satisfies Partial<Task>);
  });

  it("shows the report as pending review", async () => {
    const gaps = await storeGaps("report-pending", ["lakeview-cms125"]);
    await reportGapEvidence(db, { patientId: "report-pending", requesterPatientId: "report-pending", gapId: gaps["lakeview-cms125"] ?? "", form: { date: "2026-05-02" }, now });

    const view = await getMemberCareGaps(db, "report-pending", viewContext);

    expect(view.open.map((gap) => [gap.measureId, gap.status, gap.reportedOn])).toEqual([["lakeview-cms125", "pending-review", "2026-06-15"]]);
  });

  it("stores HbA1c and blood pressure results", async () => {
    const gaps = await storeGaps("report-results", ["lakeview-cms122", "lakeview-cms165"]);
    const base = { patientId: "report-results", requesterPatientId: "report-results", now };

    await reportGapEvidence(db, { ...base, gapId: gaps["lakeview-cms122"] ?? "", form: { date: "2026-04-01", hba1c: "6.8" } });
    await reportGapEvidence(db, { ...base, gapId: gaps["lakeview-cms165"] ?? "", form: { date: "2026-04-01", systolic: "128", diastolic: "79" } });

    const observations = await store.listInPatientCompartment("report-results", "Observation");
    const hba1c = observations.find((observation) => observation.code.coding?.[0]?.code === "4548-4");
    const pressure = observations.find((observation) => observation.code.coding?.[0]?.code === "85354-9");
    expect(hba1c?.valueQuantity).toEqual({ value: 6.8, unit: "%", system: "http://unitsofmeasure.org", code: "%" });
    expect(pressure?.component?.map((component) => [component.code.coding?.[0]?.code, component.valueQuantity?.value])).toEqual([
      ["8480-6", 128],
      ["8462-4", 79],
    ]);
  });

  it("stores procedures, exams and immunizations", async () => {
    const gaps = await storeGaps("report-kinds", ["lakeview-cms130", "lakeview-cms147", "lakeview-cms131"]);
    const base = { patientId: "report-kinds", requesterPatientId: "report-kinds", now };

    await reportGapEvidence(db, { ...base, gapId: gaps["lakeview-cms130"] ?? "", form: { date: "2020-03-01", place: "Valley GI" } });
    await reportGapEvidence(db, { ...base, gapId: gaps["lakeview-cms147"] ?? "", form: { date: "2025-10-12" } });
    await reportGapEvidence(db, { ...base, gapId: gaps["lakeview-cms131"] ?? "", form: { date: "2025-02-20" } });

    const [procedure] = await store.listInPatientCompartment("report-kinds", "Procedure");
    const [immunization] = await store.listInPatientCompartment("report-kinds", "Immunization");
    expect(procedure).toMatchObject({ status: "completed", code: { coding: [{ code: "73761001" }] }, performedDateTime: "2020-03-01", location: { display: "Valley GI" } } satisfies Partial<Procedure>);
    expect(immunization).toMatchObject({ status: "completed", vaccineCode: { coding: [{ code: "88" }] }, occurrenceDateTime: "2025-10-12", primarySource: false } satisfies Partial<Immunization>);
    const [exam] = await store.listInPatientCompartment("report-kinds", "Observation");
    expect(exam).toMatchObject({
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "exam" }] }],
      code: { coding: [{ system: "http://snomed.info/sct", code: "722161008" }] },
      effectiveDateTime: "2025-02-20",
    } satisfies Partial<Observation>);
  });

  it("rejects an invalid form and writes nothing", async () => {
    const gaps = await storeGaps("report-invalid", ["lakeview-cms125"]);

    const outcome = await reportGapEvidence(db, { patientId: "report-invalid", requesterPatientId: "report-invalid", gapId: gaps["lakeview-cms125"] ?? "", form: { date: "2027-01-01" }, now });

    expect(outcome).toEqual({ kind: "invalid", errors: { date: { code: "dateInFuture", value: "2027-01-01", limit: "2026-06-15" } } });
    expect(await countResources("report-invalid")).toEqual(nothingWritten);
  });

  it("rejects a second report while one waits for review", async () => {
    const gaps = await storeGaps("report-twice", ["lakeview-cms125"]);
    const request = { patientId: "report-twice", requesterPatientId: "report-twice", gapId: gaps["lakeview-cms125"] ?? "", form: { date: "2026-05-02" }, now };

    const outcomes = await Promise.all([reportGapEvidence(db, request), reportGapEvidence(db, request)]);

    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(["already-reported", "reported"]);
    expect(await countResources("report-twice")).toEqual({ ...nothingWritten, Observation: 1, Task: 1 });
  });

  it("rejects a report on a closed gap", async () => {
    const gaps = await storeGaps("report-closed", ["lakeview-cms125"], "closed");

    const outcome = await reportGapEvidence(db, { patientId: "report-closed", requesterPatientId: "report-closed", gapId: gaps["lakeview-cms125"] ?? "", form: { date: "2026-05-02" }, now });

    expect(outcome).toEqual({ kind: "closed" });
    expect(await countResources("report-closed")).toEqual(nothingWritten);
  });

  it("rejects a measure without an evidence template", async () => {
    const gaps = await storeGaps("report-unknown", ["BreastCancerScreeningFHIR"]);

    const outcome = await reportGapEvidence(db, { patientId: "report-unknown", requesterPatientId: "report-unknown", gapId: gaps.BreastCancerScreeningFHIR ?? "", form: { date: "2026-05-02" }, now });

    expect(outcome).toEqual({ kind: "not-reportable" });
  });

  it("writes neither resource when the write fails halfway", async () => {
    const gaps = await storeGaps("report-atomic", ["lakeview-cms125"]);
    const failing = failingOnSearchIndex(db);

    const attempt = reportGapEvidence(failing, { patientId: "report-atomic", requesterPatientId: "report-atomic", gapId: gaps["lakeview-cms125"] ?? "", form: { date: "2026-05-02" }, now });

    await expect(attempt).rejects.toThrow("injected failure");
    expect(await countResources("report-atomic")).toEqual(nothingWritten);
  });
});

describe("requestGapHelp", () => {
  it("creates one outreach Task for a double submission", async () => {
    const gaps = await storeGaps("help-twice", ["lakeview-cms130"]);
    const request = { patientId: "help-twice", requesterPatientId: "help-twice", gapId: gaps["lakeview-cms130"] ?? "", now };

    const outcomes = await Promise.all([requestGapHelp(db, request), requestGapHelp(db, request)]);

    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(["already-requested", "help-requested"]);
    const [task] = await store.listInPatientCompartment("help-twice", "Task");
    expect(task).toMatchObject({
      status: "requested",
      intent: "order",
      code: { coding: [{ system: "https://lakeview.example/fhir/CodeSystem/task-type", code: "outreach" }] },
      for: { reference: "Patient/help-twice" },
      reasonReference: { reference: `DetectedIssue/${gaps["lakeview-cms130"] ?? ""}` },
      requester: { reference: "Patient/help-twice" },
    } satisfies Partial<Task>);
    expect(await countResources("help-twice")).toEqual({ ...nothingWritten, Task: 1 });
  });

  it("allows a new request once the last one is completed", async () => {
    const gaps = await storeGaps("help-again", ["lakeview-cms130"]);
    const request = { patientId: "help-again", requesterPatientId: "help-again", gapId: gaps["lakeview-cms130"] ?? "", now };
    const first = await requestGapHelp(db, request);
    const task = await store.read("Task", first.kind === "help-requested" ? first.taskId : "");
    await store.update({ ...task, status: "completed" });

    const second = await requestGapHelp(db, request);

    expect(second.kind).toBe("help-requested");
    const tasks = await listGapTasks(store, "help-again");
    expect(tasks.get(gaps["lakeview-cms130"] ?? "")?.outreach).toHaveLength(2);
  });
});

describe("care gaps of another member", () => {
  it("cannot be reported on, asked about or read", async () => {
    const gapsOfB = await storeGaps("member-b", ["lakeview-cms125"]);
    await storeGaps("member-a", ["lakeview-cms130"]);
    const forged = { patientId: "member-a", requesterPatientId: "member-a", gapId: gapsOfB["lakeview-cms125"] ?? "", now };

    const report = await reportGapEvidence(db, { ...forged, form: { date: "2026-05-02" } });
    const help = await requestGapHelp(db, forged);
    const viewOfA = await getMemberCareGaps(db, "member-a", viewContext);

    expect(report).toEqual({ kind: "not-found" });
    expect(help).toEqual({ kind: "not-found" });
    expect(await countResources("member-a")).toEqual(nothingWritten);
    expect(await countResources("member-b")).toEqual(nothingWritten);
    expect([...viewOfA.open, ...viewOfA.closed].map((gap) => gap.measureId)).toEqual(["lakeview-cms130"]);
  });

  it("cannot be named by an id that does not exist", async () => {
    await storeGaps("member-c", ["lakeview-cms125"]);

    const outcome = await requestGapHelp(db, { patientId: "member-c", requesterPatientId: "member-c", gapId: "gap-made-up", now });

    expect(outcome).toEqual({ kind: "not-found" });
  });
});

describe("getMemberCareGaps", () => {
  it("lists open gaps by due date and closed gaps apart", async () => {
    await storeGaps("list-gaps", ["lakeview-cms130", "lakeview-cms125"]);
    await storeGaps("list-gaps", ["lakeview-cms147"], "closed");

    const view = await getMemberCareGaps(db, "list-gaps", viewContext);

    expect(view.open.map((gap) => gap.measureId)).toEqual(["lakeview-cms125", "lakeview-cms130"]);
    expect(view.closed.map((gap) => [gap.measureId, gap.status])).toEqual([["lakeview-cms147", "closed"]]);
  });

  it("shows only the latest period of a measure", async () => {
    await store.update(gapPatient("list-years"));
    for (const [year, status] of [[2025, "open"], [2026, "closed"]] as const) {
      const [report, issue] = gapResources("list-years", "lakeview-cms125", year, status);
      await store.writeAll([{ kind: "put", resource: report }, { kind: "put", resource: issue }]);
    }

    const view = await getMemberCareGaps(db, "list-years", viewContext);

    expect(view.open).toEqual([]);
    expect(view.closed.map((gap) => gap.dueDate)).toEqual(["2026-12-31"]);
  });

  it("leaves out a gap without a period", async () => {
    await store.update(gapPatient("list-undated"));
    const [, issue] = gapResources("list-undated", "lakeview-cms125", 2026);
    await store.update(issue);

    expect(await getMemberCareGaps(db, "list-undated", viewContext)).toEqual({ open: [], closed: [] });
  });

  it("shows an empty record as no gaps", async () => {
    await store.update(gapPatient("list-empty"));

    expect(await getMemberCareGaps(db, "list-empty", viewContext)).toEqual({ open: [], closed: [] });
  });
});

/** Wraps the database so that writing the search index inside a transaction fails, after the resource rows are written. */
function failingOnSearchIndex(database: Database): Database {
  const failing = (sql: SqlClient): SqlClient => ({
    query: (text, values) => (text.includes("INSERT INTO search_") ? Promise.reject(new Error("injected failure")) : sql.query(text, values)),
    execute: (text, values) => (text.includes("INSERT INTO search_") ? Promise.reject(new Error("injected failure")) : sql.execute(text, values)),
  });
  return { ...database, transaction: (work) => database.transaction((sql) => work(failing(sql))) };
}
