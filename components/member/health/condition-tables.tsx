import type { ConditionView } from "@/lib/health-record/to-condition-view";

import { EmptyState } from "./empty-state";
import { formatOptionalDate } from "./format-optional-date";
import styles from "./health.module.css";
import { healthStrings } from "./strings";
import { TableScroll } from "./table-scroll";

const strings = healthStrings.conditions;

/** Renders active conditions, then past ones (resolved, inactive, in remission), each newest first. */
export function ConditionTables({ conditions }: { conditions: ConditionView[] }): React.ReactElement {
  const active = conditions.filter((condition) => condition.group === "active");
  const past = conditions.filter((condition) => condition.group === "past");

  return (
    <>
      <ConditionSection id="active-conditions" heading={strings.activeHeading} empty={strings.activeEmpty} conditions={active} />
      <ConditionSection id="past-conditions" heading={strings.pastHeading} empty={strings.pastEmpty} conditions={past} />
    </>
  );
}

function ConditionSection({ id, heading, empty, conditions }: { id: string; heading: string; empty: string; conditions: ConditionView[] }): React.ReactElement {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {conditions.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <TableScroll label={strings.caption(heading)}>
          <table className={styles.table}>
            <caption className="visually-hidden">{strings.caption(heading)}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.columns.name}</th>
                <th scope="col">{strings.columns.status}</th>
                <th scope="col">{strings.columns.onset}</th>
                <th scope="col">{strings.columns.abatement}</th>
              </tr>
            </thead>
            <tbody>
              {conditions.map((condition) => (
                <tr key={condition.id}>
                  <th scope="row">{condition.name ?? healthStrings.unnamed}</th>
                  <td data-label={strings.columns.status}>{strings.statuses[condition.status]}</td>
                  <td className={styles.nowrap} data-label={strings.columns.onset}>
                    {formatOptionalDate(condition.onset)}
                  </td>
                  <td className={styles.nowrap} data-label={strings.columns.abatement}>
                    {condition.abatement ? formatOptionalDate(condition.abatement) : <>
                        <span aria-hidden="true">{strings.notEnded}</span>
                        <span className="visually-hidden">{strings.notEndedLabel}</span>
                      </>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
