import Link from "next/link";

import type { HealthSummary } from "@/lib/health-record/get-health-summary";

import { formatOptionalDate } from "./format-optional-date";
import styles from "./health.module.css";
import { healthStrings } from "./strings";

const strings = healthStrings.overview;

/** Renders the health record overview: what matters now, the last visit, and a link to every section with its size. */
export function HealthOverview({ summary }: { summary: HealthSummary }): React.ReactElement {
  return (
    <>
      <div className={styles.summaryGrid}>
        <SummaryCard id="summary-conditions" heading={strings.activeConditions} items={summary.activeConditions.map((condition) => ({ id: condition.id, text: condition.name ?? healthStrings.unnamed }))} href="/member/health/conditions" section={healthStrings.sections.conditions} count={summary.counts.conditions} />
        <SummaryCard id="summary-medications" heading={strings.currentMedications} items={summary.currentMedications.map((medication) => ({ id: medication.id, text: medication.name ?? healthStrings.unnamed }))} href="/member/health/medications" section={healthStrings.sections.medications} count={summary.counts.medications} />
        <SummaryCard id="summary-allergies" heading={strings.allergies} items={summary.allergies.map((allergy) => ({ id: allergy.id, text: allergy.substance ?? healthStrings.unnamed }))} href="/member/health/allergies" section={healthStrings.sections.allergies} count={summary.counts.allergies} />
        <LastVisitCard summary={summary} />
      </div>
      <SectionLinks summary={summary} />
    </>
  );
}

function SummaryCard(props: { id: string; heading: string; items: { id: string; text: string }[]; href: string; section: string; count: number }): React.ReactElement {
  return (
    <section className="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      {props.items.length === 0 ? (
        <p>{strings.noneRecorded}</p>
      ) : (
        <ul className={styles.summaryList}>
          {props.items.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ul>
      )}
      <Link href={props.href}>{strings.viewAll(props.section, props.count)}</Link>
    </section>
  );
}

function LastVisitCard({ summary }: { summary: HealthSummary }): React.ReactElement {
  const visit = summary.lastVisit;
  return (
    <section className="panel" aria-labelledby="summary-last-visit">
      <h2 id="summary-last-visit">{strings.lastVisit}</h2>
      {visit ? (
        <p>
          {formatOptionalDate(visit.start)}
          <br />
          {visit.type ?? healthStrings.encounters.unknownType}
        </p>
      ) : (
        <p>{strings.noneRecorded}</p>
      )}
      <Link href="/member/health/encounters">{strings.viewAll(healthStrings.sections.encounters, summary.counts.encounters)}</Link>
    </section>
  );
}

function SectionLinks({ summary }: { summary: HealthSummary }): React.ReactElement {
  const links = [
    { href: "/member/health/immunizations", section: healthStrings.sections.immunizations, count: summary.counts.immunizations },
    { href: "/member/health/labs", section: healthStrings.sections.labs, count: summary.counts.labResults },
    { href: "/member/health/procedures", section: healthStrings.sections.procedures, count: summary.counts.procedures },
  ];
  return (
    <ul className={styles.summaryList}>
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href}>{strings.viewAll(link.section, link.count)}</Link>
        </li>
      ))}
    </ul>
  );
}
