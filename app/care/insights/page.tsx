import type { Metadata } from "next";

import { CareInsightsCharts } from "@/components/charts/care-insights/care-insights-charts";
import { insightsStrings } from "@/components/charts/care-insights/strings";
import { ViewsNotBuilt } from "@/components/charts/views-not-built";
import { recordCareAudit } from "@/components/care/record-care-audit";
import { MessagePanel } from "@/components/ui/message-panel";
import type { AggregateSource } from "@/lib/analytics/aggregates/aggregate-scope";
import { getRiskDistribution } from "@/lib/analytics/aggregates/get-risk-distribution";
import { hasBuiltViews } from "@/lib/analytics/aggregates/has-built-views";
import { listGapCounts } from "@/lib/analytics/aggregates/list-gap-counts";
import { listMeasureTitles } from "@/lib/analytics/aggregates/list-measure-titles";
import { listUtilizationPerThousand } from "@/lib/analytics/aggregates/list-utilization-per-thousand";
import { requireRole } from "@/lib/auth/require-session";
import { listPanelPatients } from "@/lib/care/panel/list-panel-patients";
import { getDatabase } from "@/lib/db/get-database";

export const metadata: Metadata = { title: insightsStrings.pageTitle };

/** Calendar years the utilization chart shows, this one included. */
const utilizationYears = 5;

/** Views the page reads. The charts wait until all of them are built. */
const insightViews = ["care_gap", "measure_report", "condition", "encounter", "coverage_period"] as const;

/**
 * Renders charts over the signed-in care manager's panel: care gaps by measure and period, the
 * risk score distribution, and ER visits and admissions per 1,000 members. The panel comes from
 * the account only, and every aggregate is limited to it.
 */
export default async function InsightsPage(): Promise<React.ReactElement> {
  const user = await requireRole("care_manager");

  const db = await getDatabase();
  const panel = (await listPanelPatients(db, user.id)).map((patient) => patient.id);
  if (panel.length === 0) {
    return (
      <MessagePanel title={insightsStrings.heading} headingLevel={1}>
        <p>{insightsStrings.emptyPanel}</p>
      </MessagePanel>
    );
  }
  await recordCareAudit(user, { event: "care-insights", action: "R", patientIds: panel });

  const built = await hasBuiltViews(db, insightViews);
  const source: AggregateSource = { scope: { kind: "patients", patientIds: panel } };
  const thisYear = new Date().getUTCFullYear();
  const insights = built
    ? await Promise.all([listGapCounts(db, source), getRiskDistribution(db, source), listUtilizationPerThousand(db, source, thisYear - utilizationYears + 1, thisYear)])
    : null;
  const measureTitles = insights ? await listMeasureTitles(db, insights[0].map((gap) => gap.measureId)) : new Map<string, string>();

  return (
    <>
      <h1>{insightsStrings.heading}</h1>
      <p>{insightsStrings.intro(panel.length)}</p>
      {insights ? <CareInsightsCharts insights={{ gaps: insights[0], measureTitles, risk: insights[1], utilization: insights[2] }} /> : <ViewsNotBuilt />}
    </>
  );
}
