import { Badge } from "@/components/ui/badge";
import type { MedicationView } from "@/lib/health-record/to-medication-view";

import { formatOptionalDate } from "./format-optional-date";
import { GroupedTableSection } from "./grouped-table-section";
import styles from "./health.module.css";
import { healthStrings } from "./strings";

const strings = healthStrings.medications;
const columns = [strings.columns.name, strings.columns.instructions, strings.columns.prescribed, strings.columns.prescriber];

/** Renders current prescriptions, then past ones, each newest first. */
export function MedicationTables({ medications }: { medications: MedicationView[] }): React.ReactElement {
  const current = medications.filter((medication) => medication.group === "current");
  const past = medications.filter((medication) => medication.group === "past");

  return (
    <>
      <GroupedTableSection id="current-medications" heading={strings.currentHeading} caption={strings.caption(strings.currentHeading)} empty={strings.currentEmpty} columns={columns} rowCount={current.length}>
        {current.map((medication) => (
          <MedicationRow key={medication.id} medication={medication} />
        ))}
      </GroupedTableSection>
      <GroupedTableSection id="past-medications" heading={strings.pastHeading} caption={strings.caption(strings.pastHeading)} empty={strings.pastEmpty} columns={columns} rowCount={past.length}>
        {past.map((medication) => (
          <MedicationRow key={medication.id} medication={medication} />
        ))}
      </GroupedTableSection>
    </>
  );
}

function MedicationRow({ medication }: { medication: MedicationView }): React.ReactElement {
  return (
    <tr>
      <th scope="row">
        {medication.name ?? healthStrings.unnamed}
        {medication.status !== "active" && <Badge>{strings.statuses[medication.status]}</Badge>}
      </th>
      <td data-label={strings.columns.instructions}>{medication.dosage ?? strings.noInstructions}</td>
      <td className={styles.nowrap} data-label={strings.columns.prescribed}>
        {formatOptionalDate(medication.authoredOn)}
      </td>
      <td data-label={strings.columns.prescriber}>{medication.prescriber ?? strings.unknownPrescriber}</td>
    </tr>
  );
}
