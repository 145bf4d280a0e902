import type { CoverageDetails } from "@/lib/coverage/coverage-details";

import { formatCalendarDate } from "../format-calendar-date";
import { coverageStrings } from "./strings";

/** Renders the plan's facts: plan, insurer, group, network, status, dates and the member's relationship. */
export function PlanDetails({ coverage }: { coverage: CoverageDetails }): React.ReactElement {
  const text = coverageStrings.details;
  const orNotAvailable = (value: string | null | undefined): string => value ?? coverageStrings.notAvailable;
  const relationship = coverage.relationship ? (coverageStrings.relationships[coverage.relationship] ?? coverage.relationship) : null;

  return (
    <section className="panel" aria-labelledby="plan-details-heading">
      <h2 id="plan-details-heading">{text.heading}</h2>
      <dl className="facts">
        <Fact label={text.plan} value={orNotAvailable(coverage.planName)} />
        <Fact label={text.payer} value={orNotAvailable(coverage.payerName)} />
        <Fact label={text.group} value={orNotAvailable(groupOf(coverage))} />
        <Fact label={text.network} value={orNotAvailable(coverage.network)} />
        <Fact label={text.status} value={coverageStrings.statuses[coverage.status] ?? coverage.status} />
        <Fact label={text.period} value={orNotAvailable(periodOf(coverage))} />
        <Fact label={text.relationship} value={orNotAvailable(relationship)} />
        <Fact label={text.subscriberId} value={orNotAvailable(coverage.subscriberId)} />
      </dl>
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string }): React.ReactElement {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function groupOf(coverage: CoverageDetails): string | null {
  if (coverage.groupName && coverage.groupNumber) return `${coverage.groupName} (${coverage.groupNumber})`;
  return coverage.groupName ?? coverage.groupNumber;
}

function periodOf(coverage: CoverageDetails): string | null {
  const locale = coverageStrings.locale;
  if (!coverage.periodStart) return null;
  const start = formatCalendarDate(coverage.periodStart, locale);
  return coverage.periodEnd
    ? coverageStrings.details.periodRange(start, formatCalendarDate(coverage.periodEnd, locale))
    : coverageStrings.details.periodOpen(start);
}
