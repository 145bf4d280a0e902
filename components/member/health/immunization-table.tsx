import type { ImmunizationView } from "@/lib/health-record/to-immunization-view";

import { EmptyState } from "./empty-state";
import { formatOptionalDate } from "./format-optional-date";
import { HealthTable } from "./health-table";
import styles from "./health.module.css";
import { healthStrings } from "./strings";

const strings = healthStrings.immunizations;

/** Renders one page of vaccinations, newest first. */
export function ImmunizationTable({ immunizations }: { immunizations: ImmunizationView[] }): React.ReactElement {
  if (immunizations.length === 0) {
    return <EmptyState>{strings.empty}</EmptyState>;
  }

  return (
    <HealthTable caption={strings.caption} columns={[strings.columns.vaccine, strings.columns.date, strings.columns.status]}>
      {immunizations.map((immunization) => (
        <tr key={immunization.id}>
          <th scope="row">{immunization.vaccine ?? healthStrings.unnamed}</th>
          <td className={styles.nowrap} data-label={strings.columns.date}>
            {immunization.date ? formatOptionalDate(immunization.date) : (immunization.dateText ?? healthStrings.unknownDate)}
          </td>
          <td data-label={strings.columns.status}>{immunization.given ? strings.given : strings.notGiven}</td>
        </tr>
      ))}
    </HealthTable>
  );
}
