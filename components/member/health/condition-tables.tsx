import type { ConditionView } from "@/lib/health-record/to-condition-view";

import { formatOptionalDate } from "./format-optional-date";
import { GroupedTableSection } from "./grouped-table-section";
import styles from "./health.module.css";
import { healthStrings } from "./strings";

const strings = healthStrings.conditions;
const columns = [strings.columns.name, strings.columns.status, strings.columns.onset, strings.columns.abatement];

/** Renders active conditions, then past ones (resolved, inactive, in remission), each newest first. */
export function ConditionTables({ conditions }: { conditions: ConditionView[] }): React.ReactElement {
  const active = conditions.filter((condition) => condition.group === "active");
  const past = conditions.filter((condition) => condition.group === "past");

  return (
    <>
      <GroupedTableSection id="active-conditions" heading={strings.activeHeading} caption={strings.caption(strings.activeHeading)} empty={strings.activeEmpty} columns={columns} rowCount={active.length}>
        {active.map((condition) => (
          <ConditionRow key={condition.id} condition={condition} />
        ))}
      </GroupedTableSection>
      <GroupedTableSection id="past-conditions" heading={strings.pastHeading} caption={strings.caption(strings.pastHeading)} empty={strings.pastEmpty} columns={columns} rowCount={past.length}>
        {past.map((condition) => (
          <ConditionRow key={condition.id} condition={condition} />
        ))}
      </GroupedTableSection>
    </>
  );
}

function ConditionRow({ condition }: { condition: ConditionView }): React.ReactElement {
  return (
    <tr>
      <th scope="row">{condition.name ?? healthStrings.unnamed}</th>
      <td data-label={strings.columns.status}>{strings.statuses[condition.status]}</td>
      <td className={styles.nowrap} data-label={strings.columns.onset}>
        {formatOptionalDate(condition.onset)}
      </td>
      <td className={styles.nowrap} data-label={strings.columns.abatement}>
        {condition.abatement ? (
          formatOptionalDate(condition.abatement)
        ) : (
          <>
            <span aria-hidden="true">{strings.notEnded}</span>
            <span className="visually-hidden">{strings.notEndedLabel}</span>
          </>
        )}
      </td>
    </tr>
  );
}
