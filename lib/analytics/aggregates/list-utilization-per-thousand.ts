import type { Database } from "../../db/database";
import { emergencyClassCodes, inpatientClassCodes } from "../../care/risk-score";
import { analyticsTable, scopeCondition, toScopeParameter, type AggregateSource } from "./aggregate-scope";

/** ER visits and inpatient admissions of one calendar year. */
export interface YearUtilization {
  year: number;
  /** Members with a Coverage in force on at least one day of the year. */
  members: number;
  erVisits: number;
  admissions: number;
  /** Per 1,000 members of the year; null when no member was covered. */
  erVisitsPerThousand: number | null;
  admissionsPerThousand: number | null;
}

/**
 * Counts the scope's ER visits (Encounter class EMER) and inpatient admissions (IMP, ACUTE or
 * NONAC) by the calendar year, in UTC, of the encounter's start, for each year from `firstYear` to
 * `lastYear`. Each is divided by the scope's members covered in that year, times 1,000. Cancelled
 * encounters and those entered in error are left out.
 */
export async function listUtilizationPerThousand(db: Database, source: AggregateSource, firstYear: number, lastYear: number): Promise<YearUtilization[]> {
  const rows = await db.sql.query<{ year: number; members: number; er_visits: number; admissions: number }>(
    `WITH years AS (SELECT generate_series($2::int, $3::int) AS year),
     visits AS (
       SELECT extract(year FROM period_start AT TIME ZONE 'UTC')::int AS year,
         count(DISTINCT encounter_id) FILTER (WHERE class_code = ANY($4::text[])) AS admissions,
         count(DISTINCT encounter_id) FILTER (WHERE class_code = ANY($5::text[])) AS er_visits
       FROM ${analyticsTable(source, "encounter")}
       WHERE ${scopeCondition("patient_id", 1)} AND status IS DISTINCT FROM 'entered-in-error' AND status IS DISTINCT FROM 'cancelled'
       GROUP BY 1
     )
     SELECT years.year, coalesce(visits.er_visits, 0)::int AS er_visits, coalesce(visits.admissions, 0)::int AS admissions,
       (SELECT count(DISTINCT c.patient_id) FROM ${analyticsTable(source, "coverage_period")} c
        WHERE ${scopeCondition("c.patient_id", 1)} AND c.status IS DISTINCT FROM 'entered-in-error'
          AND (c.period_start IS NULL OR c.period_start < make_timestamptz(years.year + 1, 1, 1, 0, 0, 0, 'UTC'))
          AND (c.period_end IS NULL OR c.period_end >= make_timestamptz(years.year, 1, 1, 0, 0, 0, 'UTC')))::int AS members
     FROM years LEFT JOIN visits ON visits.year = years.year ORDER BY years.year`,
    [toScopeParameter(source.scope), firstYear, lastYear, [...inpatientClassCodes], [...emergencyClassCodes]],
  );
  return rows.map((row) => {
    const members = Number(row.members);
    const perThousand = (count: number): number | null => (members === 0 ? null : (count * 1000) / members);
    return {
      year: Number(row.year),
      members,
      erVisits: Number(row.er_visits),
      admissions: Number(row.admissions),
      erVisitsPerThousand: perThousand(Number(row.er_visits)),
      admissionsPerThousand: perThousand(Number(row.admissions)),
    };
  });
}
