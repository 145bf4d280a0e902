import type { Observation, Task } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import type { FhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { acceptEvidence } from "./accept-evidence";
import { careCodes } from "./care-codes";
import type { CareActor } from "./care-actor";
import { listEvidenceReviews } from "./list-evidence-reviews";
import { rejectEvidence } from "./reject-evidence";
import { saveEvidenceDecision } from "./save-evidence-decision";
import { saveTaskVersion } from "./save-task-version";
import { addToPanel, addUser, errorOf, patient, putAll, reportedEvidence, testNow } from "./testing/care-fixtures";

function reviewTag(resource: Observation): string | undefined {
  return resource.meta?.tag?.find((tag) => tag.system === careCodes.evidenceReviewSystem)?.code;
}

describe("evidence decisions", () => {
  let db: Database;
  let store: FhirStore;
  let carol: CareActor;

  async function stage(suffix: string, patientId = "pat-a"): Promise<{ observation: Observation; task: Task }> {
    const staged = reportedEvidence(patientId, suffix);
    await putAll(db, [staged.observation, staged.task]);
    return staged;
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    await putAll(db, [patient("pat-a", "Ana", "Abbott", "1960-04-02"), patient("pat-b", "Ben", "Baker", "1970-01-01")]);
    carol = { id: await addUser(db, "care_manager", "Carol Whitfield"), name: "Carol Whitfield" };
    await addToPanel(db, carol.id, ["pat-a"]);
  });

  afterAll(async () => {
    await db.close();
  });

  it("accepts: completes the task and tags the evidence accepted", async () => {
    await stage("accept");

    const task = await acceptEvidence(db, carol, { taskId: "review-accept", version: "1" }, testNow);

    expect(task.status).toBe("completed");
    expect(task.meta?.versionId).toBe("2");
    const observation = await store.read("Observation", "reported-accept");
    expect(reviewTag(observation)).toBe("accepted");
    expect(observation.meta?.tag).toContainEqual({ system: careCodes.evidenceSourceSystem, code: "patient-reported" });
  });

  it("rejects: stores the reason and tags the evidence rejected", async () => {
    await stage("reject");

    const task = await rejectEvidence(db, carol, { taskId: "review-reject", version: "1", reason: "The date is before the measurement period." }, testNow);

    expect(task.status).toBe("rejected");
    expect(task.statusReason).toEqual({ text: "The date is before the measurement period." });
    expect(reviewTag(await store.read("Observation", "reported-reject"))).toBe("rejected");
  });

  it("writes neither resource when the evidence changed meanwhile", async () => {
    const { observation } = await stage("atomic");
    const review = await store.read("Task", "review-atomic");
    const staleObservation = await store.read("Observation", "reported-atomic");
    await store.update({ ...observation, note: [{ text: "edited by the member" }] });

    const error = await errorOf(saveEvidenceDecision(db, { ...review, status: "completed" }, "1", staleObservation, "accepted"));

    expect(error.code).toBe("conflict");
    const task = await store.read("Task", "review-atomic");
    expect(task.status).toBe("requested");
    expect(task.meta?.versionId).toBe("1");
    expect(reviewTag(await store.read("Observation", "reported-atomic"))).toBe("pending");
  });

  it("reports a conflict for the second of two decisions", async () => {
    await stage("twice");

    const results = await Promise.allSettled([
      acceptEvidence(db, carol, { taskId: "review-twice", version: "1" }),
      rejectEvidence(db, carol, { taskId: "review-twice", version: "1", reason: "Not legible" }),
    ]);

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    expect((failed?.reason as FhirError).code).toBe("conflict");
    const task = await store.read("Task", "review-twice");
    const tag = reviewTag(await store.read("Observation", "reported-twice"));
    expect(task.status === "completed" ? "accepted" : "rejected").toBe(tag);
  });

  it("rejects a decision on evidence about another patient", async () => {
    const { task } = await stage("forged");
    await putAll(db, [{ ...reportedEvidence("pat-b", "victim").observation }]);
    await store.update({ ...task, focus: { reference: "Observation/reported-victim" } });

    const error = await errorOf(acceptEvidence(db, carol, { taskId: "review-forged", version: "2" }));

    expect(error).toEqual({ code: "invalid", message: "The evidence of Task/review-forged is about another patient; it cannot be decided here." });
    expect(reviewTag(await store.read("Observation", "reported-victim"))).toBe("pending");
  });

  it("lists undecided reviews of the panel only", async () => {
    await stage("listed");
    await stage("offpanel", "pat-b");

    const reviews = await listEvidenceReviews(db, carol.id);

    const ids = reviews.map((review) => review.taskId);
    expect(ids).toContain("review-listed");
    expect(ids).not.toContain("review-offpanel");
    expect(ids).not.toContain("review-accept");
    expect(reviews.find((review) => review.taskId === "review-listed")).toEqual({
      taskId: "review-listed",
      version: "1",
      patientId: "pat-a",
      patientName: "Ana Abbott",
      evidenceType: "Observation",
      evidenceName: "Mammography",
      evidenceDate: "2026-02-10",
      reportedOn: "2026-06-02T10:00:00Z",
      gapId: "gap-lakeview-cms125-pat-a-2026",
    });
  });

  it("saveTaskVersion rejects a write from a stale read", async () => {
    await stage("stale");
    const stale = await store.read("Task", "review-stale");
    await store.update({ ...stale, description: "changed first" });

    const error = await errorOf(saveTaskVersion(store, { ...stale, status: "cancelled" }, "1", testNow));

    expect(error.code).toBe("conflict");
    expect((await store.read("Task", "review-stale")).description).toBe("changed first");
  });
});
