import type { ProcedureView } from "@/lib/health-record/to-procedure-view";

import { EmptyState } from "./empty-state";
import { formatOptionalDate } from "./format-optional-date";
import styles from "./health.module.css";
import { healthStrings } from "./strings";
import { TableScroll } from "./table-scroll";

const strings = healthStrings.procedures;

/** Renders one page of procedures, newest first. */
export function ProcedureTable({ procedures }: { procedures: ProcedureView[] }): React.ReactElement {
  if (procedures.length === 0) {
    return <EmptyState>{strings.empty}</EmptyState>;
  }

  return (
    <TableScroll label={strings.caption}>
      <table className={styles.table}>
        <caption>{strings.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.columns.name}</th>
            <th scope="col">{strings.columns.date}</th>
            <th scope="col">{strings.columns.reason}</th>
            <th scope="col">{strings.columns.status}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </TableScroll>
  );
}
