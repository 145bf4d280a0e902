import type { ProcedureView } from "@/lib/health-record/to-procedure-view";

import { EmptyState } from "./empty-state";
import { formatOptionalDate } from "./format-optional-date";
import { HealthTable } from "./health-table";
import styles from "./health.module.css";
import { healthStrings } from "./strings";

const strings = healthStrings.procedures;

/** Renders one page of procedures, newest first. */
export function ProcedureTable({ procedures }: { procedures: ProcedureView[] }): React.ReactElement {
  if (procedures.length === 0) {
    return <EmptyState>{strings.empty}</EmptyState>;
  }

  return (
    <HealthTable caption={strings.caption} columns={[strings.columns.name, strings.columns.date, strings.columns.reason, strings.columns.status]}>
      {procedures.map((procedure) => (
        <tr key={procedure.id}>
          <th scope="row">{procedure.name ?? healthStrings.unnamed}</th>
          <td className={styles.nowrap} data-label={strings.columns.date}>
            {formatOptionalDate(procedure.date)}
          </td>
          <td data-label={strings.columns.reason}>{procedure.reason ?? strings.noReason}</td>
          <td data-label={strings.columns.status}>{strings.statuses[procedure.status] ?? procedure.status}</td>
        </tr>
      ))}
    </HealthTable>
  );
}
