import Link from "next/link";

import type { WorklistRow } from "@/lib/care/worklist-row";

import styles from "./care.module.css";
import { formatCareDate } from "./format-care-date";
import { careStrings } from "./strings";
import { CareTable } from "./care-table";

const strings = careStrings.worklist;

/** Renders one page of panel members with the risk score and the inputs it was computed from. */
export function WorklistTable({ rows, busy }: { rows: WorklistRow[]; busy: boolean }): React.ReactElement {
  return (
    <CareTable label={strings.listHeading} columns={strings.columns} busy={busy}>
      {rows.map((row) => (
        <tr key={row.patientId}>
          <th scope="row">
            <Link href={`/care/members/${encodeURIComponent(row.patientId)}`}>{row.name ?? careStrings.unnamed}</Link>
          </th>
          <td>{row.age ?? careStrings.unknownDate}</td>
          <td>
            <span className={row.risk.band === "high" ? styles.riskHigh : undefined}>
              {row.risk.score} · {strings.bands[row.risk.band]}
            </span>
            <span className={styles.riskInputs}>
              {strings.riskInputs(row.risk.inputs.chronicConditions, row.risk.inputs.inpatientStays, row.risk.inputs.emergencyVisits, row.risk.inputs.openGaps)}
            </span>
          </td>
          <td>{row.risk.inputs.openGaps}</td>
          <td>{row.lastContact ? formatCareDate(row.lastContact) : careStrings.never}</td>
          <td>{row.openTasks}</td>
        </tr>
      ))}
    </CareTable>
  );
}
