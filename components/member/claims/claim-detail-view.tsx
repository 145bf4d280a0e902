import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
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

/**
 * Renders one claim: summary, what the member owes and why, services, totals and diagnoses.
 * `memberName` is the patient the claim is for, so a printed claim shows whose it is.
 */
export function ClaimDetailView({ claim, memberName }: { claim: ClaimDetail; memberName: string | null }): React.ReactElement {
  const provider = claim.providerName ?? claimsStrings.unknownProvider;
  const claimType = claimsStrings.claimTypes[claim.claimType];

  return (
    <article className={styles.detail}>
      <div className={styles.toolbar}>
        <Link href="/member/claims">← {claimsStrings.backToClaims}</Link>
        <PrintButton label={claimsStrings.print} />
      </div>
      <PageHeader title={claimsStrings.detailTitle} subtitle={claimsStrings.detailSubtitle(claimType, provider, dateText(claim.serviceStart))} />
      <OwedPanel claim={claim} />
      <SummaryPanel claim={claim} memberName={memberName} />
      <Section title={claimsStrings.linesHeading} headingId="claim-lines-heading">
        <ClaimLinesTable lines={claim.lines} />
      </Section>
      <Section title={claimsStrings.totalsHeading} headingId="claim-totals-heading">
        <ClaimTotalsTable totals={claim.totals} />
      </Section>
      <DiagnosesPanel claim={claim} />
    </article>
  );
}

function OwedPanel({ claim }: { claim: ClaimDetail }): React.ReactElement {
  const explanation = explainMemberOwes(claim);
  return (
    <Section title={claimsStrings.owedHeading} headingId="claim-owed-heading" className={styles.owed}>
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
    </Section>
  );
}

function SummaryPanel({ claim, memberName }: { claim: ClaimDetail; memberName: string | null }): React.ReactElement {
  const labels = claimsStrings.summaryLabels;
  const serviceDates = claim.serviceEnd ? claimsStrings.serviceRange(dateText(claim.serviceStart), dateText(claim.serviceEnd)) : dateText(claim.serviceStart);
  const facts: [string, string][] = [
    [labels.member, memberName ?? claimsStrings.unnamedMember],
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
    <Section title={claimsStrings.summaryHeading} headingId="claim-summary-heading">
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {claim.disposition && <p className="note">{claim.disposition}</p>}
    </Section>
  );
}

function DiagnosesPanel({ claim }: { claim: ClaimDetail }): React.ReactElement {
  return (
    <Section title={claimsStrings.diagnosesHeading} headingId="claim-diagnoses-heading">
      {claim.diagnoses.length === 0 ? (
        <p>{claimsStrings.noDiagnoses}</p>
      ) : (
        <ul className={styles.diagnoses}>
          {claim.diagnoses.map((diagnosis) => (
            <li key={diagnosis.sequence}>
              {diagnosis.description ?? claimsStrings.unnamedDiagnosis}
              {diagnosis.code && <span className={styles.code}> {diagnosis.code}</span>}
              {diagnosis.principal && <Badge>{claimsStrings.principalDiagnosis}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
