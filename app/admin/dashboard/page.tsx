import type { Metadata } from "next";

import { AdminDashboardCharts } from "@/components/charts/admin-dashboard/admin-dashboard-charts";
import { dashboardStrings } from "@/components/charts/admin-dashboard/strings";
import { ViewsNotBuilt } from "@/components/charts/views-not-built";
import type { AggregateSource } from "@/lib/analytics/aggregates/aggregate-scope";
import { getGapClosureRates } from "@/lib/analytics/aggregates/get-gap-closure-rates";
import { getPopulationTotals } from "@/lib/analytics/aggregates/get-population-totals";
import { hasBuiltViews } from "@/lib/analytics/aggregates/has-built-views";
import { listClaimCostByMonth } from "@/lib/analytics/aggregates/list-claim-cost-by-month";
import { listMeasureTitles } from "@/lib/analytics/aggregates/list-measure-titles";
import { listMonths } from "@/lib/analytics/aggregates/list-months";
import { requireRole } from "@/lib/auth/require-session";
import { getDatabase } from "@/lib/db/get-database";

export const metadata: Metadata = { title: dashboardStrings.pageTitle };

/** Months the cost trend shows, this one included. */
const trendMonths = 12;

/** Views the page reads. The charts wait until all of them are built. */
const dashboardViews = ["claim_cost", "coverage_period", "care_gap", "measure_report"] as const;

/**
 * Renders population totals, the claims cost trend by type of care and the care gap closure rates
 * for admins. Only sums over the whole population leave the server, never one member's records,
 * so no AuditEvent is recorded.
 */
export default async function DashboardPage(): Promise<React.ReactElement> {
  await requireRole("admin");

  const db = await getDatabase();
  const now = new Date();
  const range = { firstDay: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - trendMonths + 1, 1)).toISOString().slice(0, 10), lastDay: now.toISOString().slice(0, 10) };
  const source: AggregateSource = { scope: { kind: "all" } };
  const loaded = (await hasBuiltViews(db, dashboardViews))
    ? await Promise.all([getPopulationTotals(db, source, now), listClaimCostByMonth(db, source, range), getGapClosureRates(db, source)])
    : null;
  const measureTitles = loaded ? await listMeasureTitles(db, loaded[2].map((row) => row.measureId)) : new Map<string, string>();

  return (
    <>
      <h1>{dashboardStrings.heading}</h1>
      <p>{dashboardStrings.intro}</p>
      {loaded ? (
        <AdminDashboardCharts data={{ totals: loaded[0], months: listMonths(range.firstDay, range.lastDay), cost: loaded[1], closure: loaded[2], measureTitles }} />
      ) : (
        <ViewsNotBuilt />
      )}
    </>
  );
}
