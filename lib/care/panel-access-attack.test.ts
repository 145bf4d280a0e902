import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirError } from "../fhir/fhir-error";
import { acceptEvidence } from "./accept-evidence";
import { addCareNote } from "./add-care-note";
import { assertOnPanel } from "./assert-on-panel";
import { assignTask } from "./assign-task";
import type { CareActor } from "./care-actor";
import { changeTaskStatus } from "./change-task-status";
import { createOutreachTask } from "./create-outreach-task";
import { listEvidenceReviews } from "./list-evidence-reviews";
import { listWorklistPage } from "./list-worklist-page";
import { recordCall } from "./record-call";
import { rejectEvidence } from "./reject-evidence";
import { addToPanel, addUser, careGap, outreachTask, patient, putAll, reportedEvidence } from "./testing/care-fixtures";
import { defaultWorklistQuery } from "./worklist-query";

/** Counts every stored version, so a test can show that a rejected call wrote nothing. */
async function versionCount(db: Database): Promise<number> {
  const [row] = await db.sql.query<{ count: number }>("SELECT count(*)::int AS count FROM resource_version");
  return Number(row?.count ?? 0);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "none";
  } catch (error) {
    return error instanceof FhirError ? error.code : "other";
  }
}

/** Care manager A has pat-own; pat-other is on B's panel with a task, a gap and a pending review; pat-ghost does not exist. */
describe("care manager panel boundary", () => {
  let db: Database;
  let managerA: CareActor;
  let managerB: CareActor;

  beforeAll(async () => {
    db = await openTestDatabase();
    const review = reportedEvidence("pat-other", "other");
    await putAll(db, [
      patient("pat-own", "Ana", "Abbott", "1960-04-02"),
      patient("pat-other", "Ben", "Baker", "1970-01-01"),
      outreachTask("task-other", "pat-other"),
      careGap("pat-other", "lakeview-cms125", "open"),
      review.observation,
      review.task,
    ]);
    managerA = { id: await addUser(db, "care_manager", "Manager A"), name: "Manager A" };
    managerB = { id: await addUser(db, "care_manager", "Manager B"), name: "Manager B" };
    await addToPanel(db, managerA.id, ["pat-own"]);
    await addToPanel(db, managerB.id, ["pat-other"]);
  });

  afterAll(async () => {
    await db.close();
  });

  const attacks: [string, (a: CareActor, b: CareActor) => Promise<unknown>][] = [
    ["assertOnPanel", (a) => assertOnPanel(db, a.id, "pat-other")],
    ["createOutreachTask", (a) => createOutreachTask(db, a, { patientId: "pat-other", description: "Call" })],
    ["createOutreachTask about the other patient's gap", (a) => createOutreachTask(db, a, { patientId: "pat-own", description: "Call", gapId: "gap-lakeview-cms125-pat-other-2026" })],
    ["changeTaskStatus", (a) => changeTaskStatus(db, a, { taskId: "task-other", version: "1", status: "cancelled" })],
    ["assignTask to self", (a) => assignTask(db, a, { taskId: "task-other", version: "1", assigneeId: a.id })],
    ["assignTask to the panel's owner", (a, b) => assignTask(db, a, { taskId: "task-other", version: "1", assigneeId: b.id })],
    ["recordCall", (a) => recordCall(db, a, { patientId: "pat-other", outcome: "reached", note: "x" })],
    ["recordCall on the other patient's task", (a) => recordCall(db, a, { patientId: "pat-own", taskId: "task-other", outcome: "reached" })],
    ["addCareNote", (a) => addCareNote(db, a, { patientId: "pat-other", note: "x" })],
    ["acceptEvidence", (a) => acceptEvidence(db, a, { taskId: "review-other", version: "1" })],
    ["rejectEvidence", (a) => rejectEvidence(db, a, { taskId: "review-other", version: "1", reason: "x" })],
  ];

  it.each(attacks)("%s off the panel fails and writes nothing", async (_name, attack) => {
    const before = await versionCount(db);

    const code = await codeOf(attack(managerA, managerB));

    expect(code === "not-found" || code === "invalid").toBe(true);
    expect(await versionCount(db)).toBe(before);
  });

  it("answers a forged existing id and an absent id alike", async () => {
    const existing = await assertOnPanel(db, managerA.id, "pat-other").catch((error: unknown) => error);
    const absent = await assertOnPanel(db, managerA.id, "pat-ghost").catch((error: unknown) => error);

    expect(existing).toBeInstanceOf(FhirError);
    expect((existing as FhirError).code).toBe("not-found");
    expect((absent as FhirError).code).toBe("not-found");
    expect((existing as FhirError).message.replace("pat-other", "ID")).toBe((absent as FhirError).message.replace("pat-ghost", "ID"));
  });

  it("lists nothing of another panel", async () => {
    const worklist = await listWorklistPage(db, managerA.id, defaultWorklistQuery);
    const reviews = await listEvidenceReviews(db, managerA.id);

    expect(worklist.rows.map((row) => row.patientId)).toEqual(["pat-own"]);
    expect(reviews).toEqual([]);
  });

  it("lets the panel's own care manager act", async () => {
    const code = await codeOf(changeTaskStatus(db, managerB, { taskId: "task-other", version: "1", status: "accepted" }));

    expect(code).toBe("none");
  });
});
