import { assertValidResource } from "../fhir/assert-valid-resource";
import type { Database } from "../db/database";
import { buildEvidenceResource } from "./build-evidence-resource";
import { buildReviewTask, type GapTaskParties } from "./build-gap-tasks";
import { getEvidenceTemplate, windowStartOf } from "./evidence-templates";
import type { GapActionOutcome } from "./gap-action-outcome";
import { toReviewState } from "./gap-task-state";
import { parseGapReport, type GapReportField } from "./parse-gap-report";
import { todayOf } from "./today-of";
import { withLockedGap } from "./with-locked-gap";

/** A member's "I had this done elsewhere" on one gap, as the server action passes it on. */
export interface GapReportRequest extends GapTaskParties {
  form: Partial<Record<GapReportField, string>>;
  now: Date;
}

/**
 * Stores a member's report that a gap's service was done elsewhere: the clinical resource the
 * measure looks for, tagged pending review, and the review Task pointing at it, in one
 * transaction. Nothing is written when the gap is not on the patient's record, is closed, takes
 * no reports, already has a report waiting for review, or the form is invalid.
 */
export async function reportGapEvidence(db: Database, request: GapReportRequest): Promise<GapActionOutcome> {
  return withLockedGap(db, request.patientId, request.gapId, request.now, async (locked) => {
    if (!locked) return { kind: "not-found" };
    const { gap, tasks, store } = locked;
    if (gap.status === "closed") return { kind: "closed" };
    const template = getEvidenceTemplate(gap.measureId);
    if (!template) return { kind: "not-reportable" };
    if (toReviewState(tasks).kind === "pending") return { kind: "already-reported" };

    const parsed = parseGapReport(request.form, {
      values: template.values,
      windowStart: windowStartOf(template, gap.periodStart),
      periodEnd: gap.periodEnd,
      today: todayOf(request.now),
    });
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };

    const evidence = buildEvidenceResource(template, parsed.report, request.patientId);
    const task = buildReviewTask(request, evidence, request.now);
    assertValidResource(evidence);
    assertValidResource(task);
    await store.writeAll([
      { kind: "put", resource: evidence },
      { kind: "put", resource: task },
    ]);
    return { kind: "reported", taskId: task.id ?? "", measureId: gap.measureId };
  });
}
