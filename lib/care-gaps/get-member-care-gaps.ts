import type { Database } from "../db/database";
import { parseFhirDate } from "../claims/parse-fhir-date";
import { FhirStore } from "../fhir/store/fhir-store";
import type { CareGap } from "./list-care-gaps";
import type { CareGapView, MemberCareGaps } from "./care-gap-view";
import { listGapTasks } from "./list-gap-tasks";
import { listCareGaps } from "./list-care-gaps";
import { toCareGapView, type GapViewContext } from "./to-care-gap-view";

/**
 * Loads the care gaps of one record for the member pages. Per measure only the gap of the latest
 * measurement period is shown, because an older period's gap can no longer be closed. A gap
 * whose period is not a pair of dates (its MeasureReport is missing) is left out.
 */
export async function getMemberCareGaps(db: Database, patientId: string, context: GapViewContext): Promise<MemberCareGaps> {
  const [gaps, tasks] = await Promise.all([listCareGaps(db, [patientId]), listGapTasks(new FhirStore(db), patientId)]);

  const dated = gaps.filter((gap) => parseFhirDate(gap.periodStart) !== null && parseFhirDate(gap.periodEnd) !== null);
  const views = latestPerMeasure(dated).map((gap) => toCareGapView(gap, tasks.get(gap.id), context));
  const byDueDate = (a: CareGapView, b: CareGapView): number => timeOf(a.dueDate) - timeOf(b.dueDate) || a.measureId.localeCompare(b.measureId);
  return {
    open: views.filter((view) => view.status !== "closed").sort(byDueDate),
    closed: views.filter((view) => view.status === "closed").sort(byDueDate),
  };
}

function latestPerMeasure(gaps: readonly CareGap[]): CareGap[] {
  const latest = new Map<string, CareGap>();
  for (const gap of gaps) {
    const current = latest.get(gap.measureId);
    if (!current || timeOf(gap.periodEnd) > timeOf(current.periodEnd)) latest.set(gap.measureId, gap);
  }
  return [...latest.values()];
}

function timeOf(date: string): number {
  return parseFhirDate(date)?.start.getTime() ?? 0;
}
