import type { CardCost, CoverageDetails } from "@/lib/coverage/coverage-details";

import { formatCalendarDate } from "../format-calendar-date";
import { formatMoney } from "../format-money";
import styles from "./id-card.module.css";
import { PrintCardButton } from "./print-card-button";
import { coverageStrings } from "./strings";

/**
 * Renders the member ID card: insurer, plan, member name and ID, group, network, effective date
 * and the copays printed on a card, with a print button. Printing shows only the card.
 */
export function IdCard({ coverage, memberName }: { coverage: CoverageDetails; memberName: string | null }): React.ReactElement {
  const text = coverageStrings.card;
  const orNotAvailable = (value: string | null): string => value ?? coverageStrings.notAvailable;
  const effective = coverage.periodStart ? formatCalendarDate(coverage.periodStart, coverageStrings.locale) : null;

  return (
    <section className="panel" aria-labelledby="card-heading">
      <h2 id="card-heading">{text.heading}</h2>
      <div className={styles.card} role="group" aria-label={text.cardLabel}>
        <p className={styles.payer}>{orNotAvailable(coverage.payerName)}</p>
        <p className={styles.plan}>{orNotAvailable(coverage.planName)}</p>
        <dl className={styles.fields}>
          <Field label={text.memberName} value={orNotAvailable(memberName)} wide />
          <Field label={text.memberId} value={orNotAvailable(coverage.memberId)} />
          <Field label={text.groupNumber} value={orNotAvailable(coverage.groupNumber)} />
          <Field label={text.network} value={orNotAvailable(coverage.network)} wide />
          <Field label={text.effective} value={orNotAvailable(effective)} />
        </dl>
        {coverage.cardCosts.length > 0 && (
          <>
            <p className={styles.costsHeading}>{text.costsHeading}</p>
            <dl className={styles.costs}>
              {coverage.cardCosts.map((cost, position) => (
                <div key={`${cost.code ?? cost.text ?? ""}-${position}`}>
                  <dt>{costName(cost)}</dt>
                  <dd>{costValue(cost)}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </div>
      <p className={styles.printHint}>
        <PrintCardButton /> {text.printHint}
      </p>
    </section>
  );
}

function Field({ label, value, wide = false }: { label: string; value: string; wide?: boolean }): React.ReactElement {
  return (
    <div className={wide ? styles.wide : undefined}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function costName(cost: CardCost): string {
  return (cost.code ? coverageStrings.costNames[cost.code] : undefined) ?? cost.text ?? cost.code ?? coverageStrings.notAvailable;
}

function costValue(cost: CardCost): string {
  if (cost.amount) return formatMoney(cost.amount, coverageStrings.locale);
  if (cost.percent !== null) return coverageStrings.coinsurance(cost.percent);
  return coverageStrings.notAvailable;
}
