import type { Database } from "../../db/database";
import { analyticsTable, scopeCondition, toCents, toScopeParameter, type AggregateSource } from "./aggregate-scope";

/** The type of care of a claim: the CARIN institutional subtype, else the HL7 claim type. */
export type ClaimCategory = "professional" | "inpatient" | "outpatient" | "institutional" | "pharmacy" | "oral" | "vision" | "other";

/** The active claims of one category whose first service day falls in one month. */
export interface ClaimCostRow {
  /** The calendar month of the first service day, as written on the claim: "2026-03". */
  month: string;
  category: ClaimCategory;
  claims: number;
  planPaidCents: number;
  memberPaidCents: number;
}

/** The days counted, both inclusive, as ISO dates ("2026-01-01"). */
export interface DayRange {
  firstDay: string;
  lastDay: string;
}

interface CostRow {
  month: string;
  category: ClaimCategory;
  claims: number;
  plan_paid: string | number | null;
  member_paid: string | number | null;
}

/**
 * Sums the active claims of the scope by month and category from `claim_cost`. `coverageIds`
 * keeps only claims under those Coverages, as the coverage page counts them, plus claims that
 * name no stored Coverage; null counts every claim. Amounts are rounded to cents per claim
 * before they are added, as the claims pages show them.
 */
export async function listClaimCostByMonth(
  db: Database,
  source: AggregateSource,
  range: DayRange,
  coverageIds: readonly string[] | null = null,
): Promise<ClaimCostRow[]> {
  const rows = await db.sql.query<CostRow>(
    `SELECT to_char(service_day, 'YYYY-MM') AS month,
       CASE WHEN claim_type = 'institutional' AND sub_type IN ('inpatient', 'outpatient') THEN sub_type
            WHEN claim_type IN ('professional', 'institutional', 'pharmacy', 'oral', 'vision') THEN claim_type
            ELSE 'other' END AS category,
       count(*)::int AS claims, sum(round(plan_paid, 2)) AS plan_paid, sum(round(member_paid, 2)) AS member_paid
     FROM ${analyticsTable(source, "claim_cost")}
     WHERE status = 'active' AND ${scopeCondition("patient_id", 1)}
       AND service_day BETWEEN $2::date AND $3::date
       AND ($4::text[] IS NULL OR coverage_id IS NULL OR coverage_id = ANY($4::text[]))
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [toScopeParameter(source.scope), range.firstDay, range.lastDay, coverageIds === null ? null : [...coverageIds]],
  );
  return rows.map((row) => ({
    month: row.month,
    category: row.category,
    claims: Number(row.claims),
    planPaidCents: toCents(row.plan_paid),
    memberPaidCents: toCents(row.member_paid),
  }));
}
