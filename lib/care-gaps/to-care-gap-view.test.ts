import type { Task } from "fhir/r4";
import { describe, expect, it } from "vitest";

import type { CareGap } from "./list-care-gaps";
import { outreachTaskCode, reviewTaskCode } from "./care-gap-codes";
import type { GapTasks } from "./list-gap-tasks";
import { toCareGapView, type GapViewContext } from "./to-care-gap-view";

const gap = {
  id: "gap-lakeview-cms125-p1-2026",
  patientId: "p1",
  measureId: "lakeview-cms125",
  measureTitle: "Breast Cancer Screening",
  status: "open",
  periodStart: "2026-01-01",
  periodEnd: "2026-12-31",
  identified: "2026-03-01T00:00:00Z",
} satisfies CareGap;

const context = { today: "2026-06-15", mayAct: true } satisfies GapViewContext;

function task(code: typeof reviewTaskCode | typeof outreachTaskCode, status: Task["status"], authoredOn: string, reason?: string): Task {
  return {
    resourceType: "Task",
    status,
    intent: "order",
    code: { coding: [code] },
    for: { reference: "Patient/p1" },
    reasonReference: { reference: `DetectedIssue/${gap.id}` },
    authoredOn,
    ...(reason ? { statusReason: { text: reason } } : {}),
  };
}

function tasks(reviews: Task[], outreach: Task[] = []): GapTasks {
  return { reviews, outreach };
}

describe("toCareGapView", () => {
  it("maps an open gap without Tasks", () => {
    const view = toCareGapView(gap, undefined, context);

    expect(view).toEqual({
      id: gap.id,
      measureId: "lakeview-cms125",
      measureTitle: "Breast Cancer Screening",
      status: "open",
      dueDate: "2026-12-31",
      reportedOn: null,
      rejectionReason: null,
      countsFrom: "2024-10-01",
      helpRequested: false,
      report: { values: "none", earliestDate: "2024-10-01", latestDate: "2026-06-15" },
      canAskForHelp: true,
    });
  });

  it("limits the latest date to the period end", () => {
    const view = toCareGapView({ ...gap, periodStart: "2025-01-01", periodEnd: "2025-12-31" }, undefined, context);

    expect(view.report).toEqual({ values: "none", earliestDate: "2023-10-01", latestDate: "2025-12-31" });
  });

  it("shows a report waiting for review", () => {
    const view = toCareGapView(gap, tasks([task(reviewTaskCode, "requested", "2026-06-01T15:00:00Z")]), context);

    expect(view.status).toBe("pending-review");
    expect(view.reportedOn).toBe("2026-06-01");
    expect(view.report).toBeNull();
    expect(view.canAskForHelp).toBe(true);
  });

  it("shows a rejection with its reason and allows a new report", () => {
    const rejected = task(reviewTaskCode, "rejected", "2026-05-01T15:00:00Z", "The date is before your last visit with us.");

    const view = toCareGapView(gap, tasks([rejected]), context);

    expect(view.status).toBe("rejected");
    expect(view.rejectionReason).toBe("The date is before your last visit with us.");
    expect(view.report).not.toBeNull();
  });

  it("reads a rejection without a reason as null", () => {
    const view = toCareGapView(gap, tasks([task(reviewTaskCode, "rejected", "2026-05-01T15:00:00Z", "  ")]), context);

    expect(view.rejectionReason).toBeNull();
  });

  it("prefers an open report over an older rejection", () => {
    const reviews = [task(reviewTaskCode, "rejected", "2026-05-01T15:00:00Z", "No"), task(reviewTaskCode, "requested", "2026-05-20T15:00:00Z")];

    const view = toCareGapView(gap, tasks(reviews), context);

    expect(view.status).toBe("pending-review");
    expect(view.rejectionReason).toBeNull();
  });

  it("uses the latest finished review", () => {
    const reviews = [task(reviewTaskCode, "completed", "2026-05-20T15:00:00Z"), task(reviewTaskCode, "rejected", "2026-05-01T15:00:00Z", "No")];

    const view = toCareGapView(gap, tasks(reviews), context);

    expect(view.status).toBe("accepted");
    expect(view.report).toBeNull();
  });

  it("keeps a closed gap closed", () => {
    const view = toCareGapView({ ...gap, status: "closed" }, tasks([task(reviewTaskCode, "requested", "2026-06-01T15:00:00Z")], [task(outreachTaskCode, "requested", "2026-06-01T15:00:00Z")]), context);

    expect(view.status).toBe("closed");
    expect(view.report).toBeNull();
    expect(view.canAskForHelp).toBe(false);
    expect(view.helpRequested).toBe(false);
  });

  it("marks an open help request", () => {
    const view = toCareGapView(gap, tasks([], [task(outreachTaskCode, "in-progress", "2026-06-01T15:00:00Z")]), context);

    expect(view.helpRequested).toBe(true);
    expect(view.canAskForHelp).toBe(false);
  });

  it("allows a new help request once the last one is done", () => {
    const view = toCareGapView(gap, tasks([], [task(outreachTaskCode, "completed", "2026-06-01T15:00:00Z")]), context);

    expect(view.helpRequested).toBe(false);
    expect(view.canAskForHelp).toBe(true);
  });

  it("offers no actions on a record the member may only view", () => {
    const view = toCareGapView(gap, undefined, { ...context, mayAct: false });

    expect(view.report).toBeNull();
    expect(view.canAskForHelp).toBe(false);
  });

  it("offers no report for a measure without an evidence template", () => {
    const view = toCareGapView({ ...gap, measureId: "BreastCancerScreeningFHIR" }, undefined, context);

    expect(view.report).toBeNull();
    expect(view.countsFrom).toBeNull();
    expect(view.canAskForHelp).toBe(true);
  });

  it.each([
    ["lakeview-cms130", "none", "2017-01-01"],
    ["lakeview-cms124", "none", "2024-01-01"],
    ["lakeview-cms122", "hba1c", "2026-01-01"],
    ["lakeview-cms165", "blood-pressure", "2026-01-01"],
    ["lakeview-cms131", "none", "2025-01-01"],
    ["lakeview-cms147", "none", "2025-08-01"],
  ])("gives %s its values and window", (measureId, values, earliestDate) => {
    const view = toCareGapView({ ...gap, measureId }, undefined, context);

    expect(view.report).toEqual({ values, earliestDate, latestDate: "2026-06-15" });
  });
});
