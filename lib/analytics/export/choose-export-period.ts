import type { AnalyticsTable } from "../sql/list-analytics-tables";

/** How one view's rows are split by time: the column and whether partitions are years or months. */
export interface ExportPeriod {
  /** The date or timestamptz column; null when the table has none, so every row is period=unknown. */
  column: string | null;
  granularity: "year" | "month";
}

/**
 * The period column of each built-in view: the date a row is about (service, effective, onset of
 * a record), not when it was stored. Claims, encounters and labs are many per member, so they
 * split by month. The others split by year.
 */
const BUILT_IN_PERIODS: Record<string, ExportPeriod> = {
  care_gap: { column: "identified", granularity: "year" },
  claim_header: { column: "billable_start", granularity: "month" },
  claim_line: { column: "service_date", granularity: "month" },
  condition: { column: "recorded_date", granularity: "year" },
  coverage_period: { column: "period_start", granularity: "year" },
  encounter: { column: "period_start", granularity: "month" },
  immunization: { column: "occurrence", granularity: "year" },
  lab_observation: { column: "effective", granularity: "month" },
  measure_report: { column: "period_start", granularity: "year" },
};

const DATE_TYPES = new Set(["date", "timestamp with time zone", "timestamp without time zone"]);

/**
 * Chooses the period partition of a table: the built-in choice for the portal's views, and the
 * first date or timestamp column, by year, for an admin's stored view.
 */
export function chooseExportPeriod(table: AnalyticsTable): ExportPeriod {
  const builtIn = BUILT_IN_PERIODS[table.name];
  if (builtIn !== undefined && table.columns.some((column) => column.name === builtIn.column)) return builtIn;

  const firstDate = table.columns.find((column) => DATE_TYPES.has(column.type));
  return { column: firstDate?.name ?? null, granularity: "year" };
}
