import type { Database } from "../../db/database";
import { analyticsTable, scopeCondition, toCents, toScopeParameter, type AggregateSource } from "./aggregate-scope";

/** Head counts and claim totals over the scope. */
export interface PopulationTotals {
  /** Beneficiaries of any stored Coverage. */
  members: number;
  /** Beneficiaries of a Coverage whose period contains `now`. */
  coveredNow: number;
  /** Active claims. */
  claims: number;
  planPaidCents: number;
  memberPaidCents: number;
}

/** Counts members and adds up the active claims of the scope. */
export async function getPopulationTotals(db: Database, source: AggregateSource, now: Date = new Date()): Promise<PopulationTotals> {
  const scope = toScopeParameter(source.scope);
  const [members] = await db.sql.query<{ members: number; covered_now: number }>(
    `SELECT count(DISTINCT patient_id)::int AS members,
       count(DISTINCT patient_id) FILTER (WHERE status = 'active' AND (period_start IS NULL OR (period_start AT TIME ZONE 'UTC')::date <= $2::date)
         AND (period_end IS NULL OR (period_end AT TIME ZONE 'UTC')::date >= $2::date))::int AS covered_now
     FROM ${analyticsTable(source, "coverage_period")}
     WHERE patient_id IS NOT NULL AND status IS DISTINCT FROM 'entered-in-error' AND ${scopeCondition("patient_id", 1)}`,
    [scope, now.toISOString().slice(0, 10)],
  );
  const [claims] = await db.sql.query<{ claims: number; plan_paid: string | null; member_paid: string | null }>(
    `SELECT count(*)::int AS claims, sum(round(plan_paid, 2)) AS plan_paid, sum(round(member_paid, 2)) AS member_paid
     FROM ${analyticsTable(source, "claim_cost")} WHERE status = 'active' AND ${scopeCondition("patient_id", 1)}`,
    [scope],
  );

  return {
    members: Number(members?.members ?? 0),
    coveredNow: Number(members?.covered_now ?? 0),
    claims: Number(claims?.claims ?? 0),
    planPaidCents: toCents(claims?.plan_paid ?? null),
    memberPaidCents: toCents(claims?.member_paid ?? null),
  };
}
