import type { DetectedIssue, FhirResource, MeasureReport } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/lib/db/database";
import { openTestDatabase } from "@/lib/db/open-test-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

import { code, finalObservation, officeVisitOn } from "../own/build-test-patient";
import { storeMeasures } from "../store-own-measures";
import { careGapIssueId, measureReportId } from "./care-gap-ids";
import { evaluatePatientMeasures } from "./evaluate-patient-measures";
import { gapStatusOf } from "./to-care-gap-resources";
import { recomputeStaleCareGaps } from "./recompute-stale-care-gaps";
import { scheduleCareGapRefresh, waitForScheduledCareGapRefresh } from "./refresh-care-gaps";

const period = { start: "2026-01-01", end: "2026-12-31" };
let clock = new Date("2026-05-31T00:00:00Z");
const now = (): Date => clock;

function patient(id: string, birthDate: string): FhirResource {
  return { resourceType: "Patient", id, gender: "female", birthDate };
}

function visit(patientId: string, date: string): FhirResource {
  return { ...officeVisitOn(date, `visit-${patientId}`), subject: { reference: `Patient/${patientId}` } };
}

function mammogram(patientId: string, date: string): FhirResource {
  return { ...finalObservation(`mammo-${patientId}`, code("http://loinc.org", "24604-1"), date), subject: { reference: `Patient/${patientId}` } };
}

async function readIssue(store: FhirStore, patientId: string): Promise<DetectedIssue> {
  return store.read("DetectedIssue", careGapIssueId("lakeview-cms125", patientId, 2026));
}

describe("care gap pipeline", () => {
  let db: Database;
  let store: FhirStore;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db, now);
    await storeMeasures(db);
    await store.writeAll(
      [patient("ann", "1960-04-01"), visit("ann", "2026-02-03"), patient("bea", "1962-07-09"), visit("bea", "2026-03-03"), mammogram("bea", "2026-03-03"), patient("cy", "2000-01-01")].map(
        (resource) => ({ kind: "put", resource }),
      ),
    );
  });

  afterAll(async () => {
    await db.close();
  });

  it("stores reports and gaps per the contract", async () => {
    clock = new Date("2026-06-01T00:00:00Z");
    const reports = await evaluatePatientMeasures(db, "ann", period, { now });

    const report = await store.read("MeasureReport", measureReportId("lakeview-cms125", "ann", 2026));
    const issue = await readIssue(store, "ann");
    expect(reports).toHaveLength(7);
    expect(report.subject?.reference).toBe("Patient/ann");
    expect(report.measure).toBe("https://lakeview.example/fhir/Measure/lakeview-cms125");
    expect(issue.status).toBe("preliminary");
    expect(gapStatusOf(issue)).toBe("open-gap");
    expect(issue.code?.coding?.[0]).toMatchObject({ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "CAREGAP" });
    expect(issue.implicated?.[0]?.reference).toBe("Measure/lakeview-cms125");
    expect(issue.evidence?.[0]?.detail?.[0]?.reference).toBe(`MeasureReport/${report.id}`);
    expect(issue.identifiedDateTime).toBe("2026-06-01T00:00:00.000Z");
  });

  it("writes no version for the same outcome", async () => {
    clock = new Date("2026-06-02T00:00:00Z");

    await evaluatePatientMeasures(db, "ann", period, { now });

    const issue = await readIssue(store, "ann");
    expect(issue.meta?.versionId).toBe("1");
    expect(issue.identifiedDateTime).toBe("2026-06-01T00:00:00.000Z");
  });

  it("stores nothing for a patient outside every measure", async () => {
    await evaluatePatientMeasures(db, "cy", period, { now });

    const issues = await store.listInPatientCompartment("cy", "DetectedIssue");
    const reports: MeasureReport[] = await store.listInPatientCompartment("cy", "MeasureReport");
    expect(issues).toEqual([]);
    expect(reports.map((report) => report.measure)).toEqual([]);
  });

  it("rejects an unknown patient", async () => {
    await expect(evaluatePatientMeasures(db, "nobody", period, { now })).rejects.toMatchObject({ code: "not-found" });
  });

  it("recomputes only stale patients", async () => {
    clock = new Date("2026-06-03T00:00:00Z");
    const first = await recomputeStaleCareGaps(db, { period, now });
    expect(first.patients).toBe(1);
    expect(gapStatusOf(await readIssue(store, "bea"))).toBe("closed-gap");

    clock = new Date("2026-06-04T00:00:00Z");
    const nothing = await recomputeStaleCareGaps(db, { period, now });
    expect(nothing.patients).toBe(0);
    const [oldest] = await db.sql.query<{ at: Date }>("SELECT min(evaluated_through) AS at FROM care_gap_watermark");
    expect(new Date(oldest?.at ?? 0).toISOString()).toBe("2026-06-04T00:00:00.000Z");

    clock = new Date("2026-06-05T00:00:00Z");
    await store.update(mammogram("ann", "2026-06-03"));
    clock = new Date("2026-06-06T00:00:00Z");
    const afterNewResult = await recomputeStaleCareGaps(db, { period, now });

    const issue = await readIssue(store, "ann");
    expect(afterNewResult.patients).toBe(1);
    expect(gapStatusOf(issue)).toBe("closed-gap");
    expect(issue.status).toBe("final");
    expect(issue.meta?.versionId).toBe("2");
  });

  it("reopens a gap when its evidence is deleted", async () => {
    clock = new Date("2026-06-07T00:00:00Z");
    await store.remove("Observation", "mammo-ann");
    clock = new Date("2026-06-08T00:00:00Z");

    const summary = await recomputeStaleCareGaps(db, { period, now });

    expect(summary.patients).toBe(1);
    expect(gapStatusOf(await readIssue(store, "ann"))).toBe("open-gap");
  });

  it("re-runs a full run without duplicates", async () => {
    const progress: number[] = [];

    const summary = await recomputeStaleCareGaps(db, { period, now, all: true, batchSize: 2, onProgress: (done) => progress.push(done) });

    const issues = await store.listAll("DetectedIssue");
    expect(summary.patients).toBe(3);
    expect(summary.created + summary.updated).toBe(0);
    expect(progress).toEqual([2, 3]);
    expect(issues.filter((issue) => issue.patient?.reference === "Patient/ann").map((issue) => issue.implicated?.[0]?.reference).sort()).toEqual([
      "Measure/lakeview-cms125",
      "Measure/lakeview-cms130",
      "Measure/lakeview-cms147",
    ]);
    expect(new Set(issues.map((issue) => issue.id)).size).toBe(issues.length);
  });
});

describe("scheduleCareGapRefresh", () => {
  it("refreshes stale patients in the background", async () => {
    const db = await openTestDatabase();
    const store = new FhirStore(db);
    await store.writeAll([patient("dee", "1960-01-01"), visit("dee", `${new Date().getUTCFullYear()}-02-03`)].map((resource) => ({ kind: "put", resource })));

    scheduleCareGapRefresh(db);
    scheduleCareGapRefresh(db);
    await waitForScheduledCareGapRefresh();

    const issues = await store.listInPatientCompartment("dee", "DetectedIssue");
    expect(issues.length).toBeGreaterThan(0);
    await db.close();
  });
});
