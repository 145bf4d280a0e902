import Link from "next/link";

import type { CalendarDay } from "@/lib/claims/calendar-day";
import type { ClaimDetail } from "@/lib/claims/claim-detail";

import { formatCalendarDate } from "../format-calendar-date";
import { billedText, moneyOrNotAvailable } from "./claims-list-table";
import styles from "./claim-detail.module.css";
import { ClaimLinesTable } from "./claim-lines-table";
import { ClaimTotalsTable } from "./claim-totals-table";
import { explainMemberOwes } from "./explain-member-owes";
import { PrintButton } from "./print-button";
import { claimsStrings } from "./strings";

function dateText(date: CalendarDay | null): string {
  return date ? formatCalendarDate(date, claimsStrings.locale) : claimsStrings.unknownDate;
}

/** Renders one claim: summary, what the member owes and why, services, totals and diagnoses. */
export function ClaimDetailView({ claim }: { claim: ClaimDetail }): React.ReactElement {
  const provider = claim.providerName ?? claimsStrings.unknownProvider;
  const claimType = claimsStrings.claimTypes[claim.claimType];

  return (
    <article className={styles.detail}>
      <div className={styles.toolbar}>
        <Link href="/member/claims">← {claimsStrings.backToClaims}</Link>
        <PrintButton label={claimsStrings.print} />
      </div>
      <h1>{claimsStrings.detailTitle}</h1>
      <p className={styles.subtitle}>{claimsStrings.detailSubtitle(claimType, provider, dateText(claim.serviceStart))}</p>
      <OwedPanel claim={claim} />
      <SummaryPanel claim={claim} />
      <section className="panel" aria-labelledby="claim-lines-heading">
        <h2 id="claim-lines-heading">{claimsStrings.linesHeading}</h2>
        <ClaimLinesTable lines={claim.lines} />
      </section>
      <section className="panel" aria-labelledby="claim-totals-heading">
        <h2 id="claim-totals-heading">{claimsStrings.totalsHeading}</h2>
        <ClaimTotalsTable totals={claim.totals} />
      </section>
      <DiagnosesPanel claim={claim} />
    </article>
  );
}

function OwedPanel({ claim }: { claim: ClaimDetail }): React.ReactElement {
  const explanation = explainMemberOwes(claim);
  return (
    <section className={`panel ${styles.owed}`} aria-labelledby="claim-owed-heading">
      <h2 id="claim-owed-heading">{claimsStrings.owedHeading}</h2>
      <p className={styles.owedHeadline}>{explanation.headline}</p>
      {explanation.sentences.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      {explanation.namedParts.length > 0 && (
        <details className={styles.glossary}>
          <summary>{claimsStrings.glossaryHeading}</summary>
          <dl>
            {explanation.namedParts.map((part) => (
              <div key={part}>
                <dt>{claimsStrings.glossary[part][0]}</dt>
                <dd>{claimsStrings.glossary[part][1]}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}

function SummaryPanel({ claim }: { claim: ClaimDetail }): React.ReactElement {
  const labels = claimsStrings.summaryLabels;
  const serviceDates = claim.serviceEnd ? claimsStrings.serviceRange(dateText(claim.serviceStart), dateText(claim.serviceEnd)) : dateText(claim.serviceStart);
  const facts: [string, string][] = [
    [labels.provider, claim.providerName ?? claimsStrings.unknownProvider],
    ...(claim.facilityName ? [[labels.facility, claim.facilityName] as [string, string]] : []),
    [labels.serviceDates, serviceDates],
    [labels.claimType, claimsStrings.claimTypes[claim.claimType]],
    [labels.processed, dateText(claim.processed)],
    [labels.outcome, claim.canceled ? claimsStrings.canceledOutcome : claimsStrings.outcomes[claim.outcome]],
    [labels.billed, billedText(claim.billed)],
    [labels.planPaid, moneyOrNotAvailable(claim.planPaid)],
    ...(claim.paymentDate ? [[labels.paymentDate, dateText(claim.paymentDate)] as [string, string]] : []),
  ];

  return (
    <section className="panel" aria-labelledby="claim-summary-heading">
      <h2 id="claim-summary-heading">{claimsStrings.summaryHeading}</h2>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {claim.disposition && <p className="note">{claim.disposition}</p>}
    </section>
  );
}

function DiagnosesPanel({ claim }: { claim: ClaimDetail }): React.ReactElement {
  return (
    <section className="panel" aria-labelledby="claim-diagnoses-heading">
      <h2 id="claim-diagnoses-heading">{claimsStrings.diagnosesHeading}</h2>
      {claim.diagnoses.length === 0 ? (
        <p>{claimsStrings.noDiagnoses}</p>
      ) : (
        <ul className={styles.diagnoses}>
          {claim.diagnoses.map((diagnosis) => (
            <li key={diagnosis.sequence}>
              {diagnosis.description ?? claimsStrings.unnamedDiagnosis}
              {diagnosis.code && <span className={styles.code}> {diagnosis.code}</span>}
              {diagnosis.principal && <span className={styles.badge}>{claimsStrings.principalDiagnosis}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
