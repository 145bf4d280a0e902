import type { Database } from "../../db/database";
import { RESOURCE_ID_COLUMN } from "../write-view-rows";
import { analyticsTable, scopeCondition, toScopeParameter, type AggregateSource } from "./aggregate-scope";

/** Open and closed care gaps of one measure in one measurement period. */
export interface GapCount {
  measureId: string;
  /** The measurement period's first and last day as ISO dates; null when its report is missing. */
  periodStart: string | null;
  periodEnd: string | null;
  open: number;
  closed: number;
}

/**
 * Counts the scope's care gaps (DetectedIssue coded CAREGAP) by measure and by the measurement
 * period of the MeasureReport each gap cites, ordered by measure, then period. A gap entered in
 * error is left out. Each gap's report is looked up by its id (the view's resource id column,
 * which is indexed), so a panel's counts read only the panel's reports.
 */
export async function listGapCounts(db: Database, source: AggregateSource): Promise<GapCount[]> {
  const rows = await db.sql.query<{ measure_id: string | null; period_start: string | null; period_end: string | null; open: number; closed: number }>(
    `SELECT g.measure_id,
       to_char(report.period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS period_start,
       to_char(report.period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS period_end,
       count(*) FILTER (WHERE g.gap_status = 'open-gap')::int AS open,
       count(*) FILTER (WHERE g.gap_status = 'closed-gap')::int AS closed
     FROM ${analyticsTable(source, "care_gap")} g
     LEFT JOIN LATERAL (
       SELECT m.period_start, m.period_end FROM ${analyticsTable(source, "measure_report")} m
       WHERE m.${RESOURCE_ID_COLUMN} = g.measure_report_id LIMIT 1
     ) report ON true
     WHERE g.status IS DISTINCT FROM 'entered-in-error' AND ${scopeCondition("g.patient_id", 1)}
     GROUP BY 1, 2, 3 ORDER BY 1, 2`,
    [toScopeParameter(source.scope)],
  );
  return rows.map((row) => ({
    measureId: row.measure_id ?? "",
    periodStart: row.period_start,
    periodEnd: row.period_end,
    open: Number(row.open),
    closed: Number(row.closed),
  }));
}
