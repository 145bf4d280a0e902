import type { Database } from "../db/database";
import { assertValidResource } from "../fhir/assert-valid-resource";
import { buildOutreachTask, type GapTaskParties } from "./build-gap-tasks";
import type { GapActionOutcome } from "./gap-action-outcome";
import { hasOpenOutreach } from "./gap-task-state";
import { withLockedGap } from "./with-locked-gap";

/**
 * Creates the outreach Task of a member's "Ask for help" on a gap, unless one for that gap is
 * still open. The check and the write share the gap's lock, so a double submission creates one.
 */
export async function requestGapHelp(db: Database, request: GapTaskParties & { now: Date }): Promise<GapActionOutcome> {
  return withLockedGap(db, request.patientId, request.gapId, request.now, async (locked) => {
    if (!locked) return { kind: "not-found" };
    if (locked.gap.status === "closed") return { kind: "closed" };
    if (hasOpenOutreach(locked.tasks)) return { kind: "already-requested" };

    const task = buildOutreachTask(request, request.now);
    assertValidResource(task);
    await locked.store.writeAll([{ kind: "put", resource: task }]);
    return { kind: "help-requested", taskId: task.id ?? "" };
  });
}
