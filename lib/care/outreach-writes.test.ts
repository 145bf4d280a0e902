import type { Communication, Task } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { addCareNote } from "./add-care-note";
import { assignTask } from "./assign-task";
import { careCodes } from "./care-codes";
import type { CareActor } from "./care-actor";
import { changeTaskStatus } from "./change-task-status";
import { createOutreachTask } from "./create-outreach-task";
import { recordCall } from "./record-call";
import { addToPanel, addUser, careGap, errorOf, outreachTask, patient, putAll, testNow } from "./testing/care-fixtures";

describe("outreach writes", () => {
  let db: Database;
  let store: FhirStore;
  let carol: CareActor;
  let dev: CareActor;
  let farah: CareActor;
  let memberId: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    await putAll(db, [patient("pat-a", "Ana", "Abbott", "1960-04-02"), patient("pat-b", "Ben", "Baker", "1970-01-01"), careGap("pat-a", "lakeview-cms125", "open"), careGap("pat-b", "lakeview-cms130", "open")]);
    carol = { id: await addUser(db, "care_manager", "Carol Whitfield"), name: "Carol Whitfield" };
    dev = { id: await addUser(db, "care_manager", "Dev Patel"), name: "Dev Patel" };
    farah = { id: await addUser(db, "care_manager", "Farah Khan"), name: "Farah Khan" };
    memberId = await addUser(db, "member", "Ana Abbott", "pat-a");
    await addToPanel(db, carol.id, ["pat-a"]);
    await addToPanel(db, dev.id, ["pat-a"]);
    await addToPanel(db, farah.id, ["pat-b"]);
  });

  afterAll(async () => {
    await db.close();
  });

  describe("createOutreachTask", () => {
    it("creates a requested outreach task about a gap", async () => {
      const task = await createOutreachTask(db, carol, { patientId: "pat-a", description: "Schedule a mammogram", gapId: "gap-lakeview-cms125-pat-a-2026" }, testNow);

      expect(task).toMatchObject({
        status: "requested",
        intent: "order",
        code: { coding: [{ system: careCodes.taskTypeSystem, code: "outreach" }] },
        for: { reference: "Patient/pat-a" },
        reasonReference: { reference: "DetectedIssue/gap-lakeview-cms125-pat-a-2026" },
        authoredOn: testNow.toISOString(),
        meta: { versionId: "1" },
      });
      expect(task.owner).toBeUndefined();
    });

    it("accepts and owns a task assigned to self", async () => {
      const task = await createOutreachTask(db, carol, { patientId: "pat-a", description: "Call", assignToSelf: true }, testNow);

      expect(task.status).toBe("accepted");
      expect(task.owner).toEqual({ identifier: { system: careCodes.userIdentifierSystem, value: carol.id }, display: "Carol Whitfield" });
    });

    it("rejects a gap of another patient", async () => {
      const error = await errorOf(createOutreachTask(db, carol, { patientId: "pat-a", description: "Call", gapId: "gap-lakeview-cms130-pat-b-2026" }));

      expect(error).toEqual({ code: "invalid", message: "DetectedIssue/gap-lakeview-cms130-pat-b-2026 is not a care gap of this patient; pick a gap from the member's list." });
    });
  });

  describe("changeTaskStatus", () => {
    it("moves a task along the allowed transitions", async () => {
      await putAll(db, [outreachTask("t-flow", "pat-a")]);

      const accepted = await changeTaskStatus(db, carol, { taskId: "t-flow", version: "1", status: "accepted" }, testNow);
      const working = await changeTaskStatus(db, carol, { taskId: "t-flow", version: "2", status: "in-progress" }, testNow);
      const done = await changeTaskStatus(db, carol, { taskId: "t-flow", version: "3", status: "completed" }, testNow);

      expect([accepted.status, working.status, done.status]).toEqual(["accepted", "in-progress", "completed"]);
      expect(done.meta?.versionId).toBe("4");
      expect(done.lastModified).toBe(testNow.toISOString());
    });

    it("rejects a move out of a final status", async () => {
      await putAll(db, [outreachTask("t-final", "pat-a", "completed")]);

      const error = await errorOf(changeTaskStatus(db, carol, { taskId: "t-final", version: "1", status: "in-progress" }));

      expect(error).toEqual({ code: "invalid", message: "Task/t-final cannot move from completed to in-progress; it is final." });
    });

    it("rejects a stale version before writing", async () => {
      await putAll(db, [outreachTask("t-stale", "pat-a")]);
      await changeTaskStatus(db, carol, { taskId: "t-stale", version: "1", status: "accepted" });

      const error = await errorOf(changeTaskStatus(db, dev, { taskId: "t-stale", version: "1", status: "cancelled" }));

      expect(error.code).toBe("conflict");
      expect((await store.read("Task", "t-stale")).status).toBe("accepted");
    });

    it("stores one of two concurrent edits and reports a conflict for the other", async () => {
      await putAll(db, [outreachTask("t-race", "pat-a")]);

      const results = await Promise.allSettled([
        changeTaskStatus(db, carol, { taskId: "t-race", version: "1", status: "in-progress" }),
        changeTaskStatus(db, dev, { taskId: "t-race", version: "1", status: "cancelled" }),
      ]);

      const stored = results.filter((result): result is PromiseFulfilledResult<Task> => result.status === "fulfilled");
      const failed = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
      expect(stored).toHaveLength(1);
      expect(failed).toHaveLength(1);
      expect(failed[0]?.reason).toBeInstanceOf(FhirError);
      expect((failed[0]?.reason as FhirError).code).toBe("conflict");
      const current = await store.read("Task", "t-race");
      expect(current.meta?.versionId).toBe("2");
      expect(current.status).toBe(stored[0]?.value.status);
      const history = await store.history("Task", "t-race");
      expect(history.total).toBe(2);
    });

    it("rejects a change to an evidence review task", async () => {
      await putAll(db, [{ ...outreachTask("t-review", "pat-a"), code: { coding: [{ system: careCodes.taskTypeSystem, code: careCodes.evidenceReviewTask }] } }]);

      const error = await errorOf(changeTaskStatus(db, carol, { taskId: "t-review", version: "1", status: "completed" }));

      expect(error).toEqual({ code: "invalid", message: "Task/t-review is not an outreach task; decide reported evidence from the evidence review page." });
    });
  });

  describe("assignTask", () => {
    it("assigns a task to a colleague with the patient on their panel", async () => {
      await putAll(db, [outreachTask("t-assign", "pat-a")]);

      const task = await assignTask(db, carol, { taskId: "t-assign", version: "1", assigneeId: dev.id });

      expect(task.owner).toEqual({ identifier: { system: careCodes.userIdentifierSystem, value: dev.id }, display: "Dev Patel" });
      expect(task.status).toBe("accepted");
    });

    it.each([
      ["a member account", (): string => memberId, "is not a care manager account; pick a care manager from the list."],
      ["an unknown account", (): string => "00000000-0000-4000-8000-000000000000", "is not a care manager account; pick a care manager from the list."],
    ])("rejects %s as assignee", async (_name, assignee, message) => {
      await putAll(db, [outreachTask("t-assign-bad", "pat-a")]);

      const error = await errorOf(assignTask(db, carol, { taskId: "t-assign-bad", version: "1", assigneeId: assignee() }));

      expect(error).toEqual({ code: "invalid", message: `User ${assignee()} ${message}` });
    });

    it("rejects a colleague without the patient on their panel", async () => {
      await putAll(db, [outreachTask("t-assign-off", "pat-a")]);

      const error = await errorOf(assignTask(db, carol, { taskId: "t-assign-off", version: "1", assigneeId: farah.id }));

      expect(error).toEqual({ code: "invalid", message: "Farah Khan does not have this patient on their panel; ask an admin to add the patient to their panel first." });
    });
  });

  describe("recordCall and addCareNote", () => {
    it("records a call with its outcome and note for a task", async () => {
      await putAll(db, [outreachTask("t-call", "pat-a")]);

      const call = await recordCall(db, carol, { patientId: "pat-a", taskId: "t-call", outcome: "left-voicemail", note: "Will call back Tuesday" }, testNow);

      expect(call).toMatchObject({
        resourceType: "Communication",
        status: "completed",
        basedOn: [{ reference: "Task/t-call" }],
        subject: { reference: "Patient/pat-a" },
        medium: [{ coding: [{ system: careCodes.participationModeSystem, code: "PHONE" }] }],
        statusReason: { coding: [{ system: careCodes.outreachOutcomeSystem, code: "left-voicemail" }] },
        sent: testNow.toISOString(),
        payload: [{ contentString: "Will call back Tuesday" }],
      } satisfies Partial<Communication>);
    });

    it("rejects a call for a task of another patient", async () => {
      await putAll(db, [outreachTask("t-other", "pat-a")]);
      await addToPanel(db, carol.id, ["pat-b"]);

      const error = await errorOf(recordCall(db, carol, { patientId: "pat-b", taskId: "t-other", outcome: "reached" }));
      await db.prisma.carePanelMember.delete({ where: { careManagerId_patientId: { careManagerId: carol.id, patientId: "pat-b" } } });

      expect(error).toEqual({ code: "invalid", message: "Task/t-other is for another patient; record the call from that patient's page." });
    });

    it("adds a care note as a care-note Communication", async () => {
      const note = await addCareNote(db, carol, { patientId: "pat-a", note: "Prefers morning calls" }, testNow);

      expect(note.category).toEqual([{ coding: [{ system: careCodes.communicationCategorySystem, code: "care-note", display: "Care note" }] }]);
      expect(note.payload).toEqual([{ contentString: "Prefers morning calls" }]);
      expect(note.medium).toBeUndefined();
    });
  });
});
