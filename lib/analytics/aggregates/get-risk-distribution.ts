import type { Database } from "../../db/database";
import { currentClinicalStatuses, emergencyClassCodes, inpatientClassCodes, riskBands, riskWeights, toRiskBand, type RiskBand } from "../../care/risk-score";
import { analyticsTable, scopeCondition, toScopeParameter, type AggregateSource } from "./aggregate-scope";

/** Width of one histogram bin in score points; 2 puts the band floors (4 and 8) on bin edges. */
export const riskBinWidth = 2;

/** Scores from this one up share the last bin. */
export const riskOpenBinFloor = 12;

/** Members whose score falls in one bin. */
export interface RiskBin {
  low: number;
  /** The highest score in the bin; null for the open last bin. */
  high: number | null;
  band: RiskBand;
  members: number;
}

/** The spread of the scope's members over the worklist's risk score. */
export interface RiskDistribution {
  members: number;
  bins: RiskBin[];
  bands: Record<RiskBand, number>;
}

/**
 * Computes each member's worklist risk score (lib/care/risk-score.ts) from the analytics tables and
 * counts members per score bin and per band. Members are the scope's patient ids, or for "all" the
 * beneficiaries of any stored Coverage. A member without any counted resource scores 0.
 * NOTE: a Condition counts only when its first category is problem-list-item, because the view
 * keeps only the first category code. The worklist looks at every category.
 */
export async function getRiskDistribution(db: Database, source: AggregateSource, now: Date = new Date()): Promise<RiskDistribution> {
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  const rows = await db.sql.query<{ score: number }>(riskScoreSql(source), [
    toScopeParameter(source.scope),
    [...currentClinicalStatuses],
    [...inpatientClassCodes],
    [...emergencyClassCodes],
    since.toISOString(),
  ]);

  const scores = rows.map((row) => Number(row.score));
  const bands = Object.fromEntries(riskBands.map((band) => [band, 0])) as Record<RiskBand, number>;
  for (const score of scores) bands[toRiskBand(score)] += 1;
  return { members: scores.length, bins: toBins(scores), bands };
}

function toBins(scores: readonly number[]): RiskBin[] {
  const bins: RiskBin[] = [];
  for (let low = 0; low <= riskOpenBinFloor; low += riskBinWidth) {
    const high = low === riskOpenBinFloor ? null : low + riskBinWidth - 1;
    const members = scores.filter((score) => score >= low && (high === null || score <= high)).length;
    bins.push({ low, high, band: toRiskBand(low), members });
  }
  return bins;
}

/** $1 scope, $2 current clinical statuses, $3 inpatient and $4 emergency encounter classes, $5 the start of the 12 months counted. */
function riskScoreSql(source: AggregateSource): string {
  return `WITH members AS (
      SELECT unnest($1::text[]) AS patient_id WHERE $1::text[] IS NOT NULL
      UNION SELECT DISTINCT patient_id FROM ${analyticsTable(source, "coverage_period")} WHERE $1::text[] IS NULL AND patient_id IS NOT NULL
    ),
    chronic AS (
      SELECT patient_id, count(DISTINCT condition_id) AS n FROM ${analyticsTable(source, "condition")}
      WHERE category = 'problem-list-item' AND clinical_status = ANY($2::text[]) AND ${scopeCondition("patient_id", 1)} GROUP BY 1
    ),
    visits AS (
      SELECT patient_id,
        count(DISTINCT encounter_id) FILTER (WHERE class_code = ANY($3::text[])) AS inpatient,
        count(DISTINCT encounter_id) FILTER (WHERE class_code = ANY($4::text[])) AS emergency
      FROM ${analyticsTable(source, "encounter")} WHERE period_start >= $5::timestamptz AND ${scopeCondition("patient_id", 1)} GROUP BY 1
    ),
    gaps AS (
      SELECT patient_id, count(DISTINCT gap_id) AS n FROM ${analyticsTable(source, "care_gap")}
      WHERE status = 'preliminary' AND ${scopeCondition("patient_id", 1)} GROUP BY 1
    )
    SELECT (${riskWeights.chronicConditions} * coalesce(chronic.n, 0) + ${riskWeights.inpatientStays} * coalesce(visits.inpatient, 0)
      + ${riskWeights.emergencyVisits} * coalesce(visits.emergency, 0) + ${riskWeights.openGaps} * coalesce(gaps.n, 0))::int AS score
    FROM members
    LEFT JOIN chronic ON chronic.patient_id = members.patient_id
    LEFT JOIN visits ON visits.patient_id = members.patient_id
    LEFT JOIN gaps ON gaps.patient_id = members.patient_id`;
}
