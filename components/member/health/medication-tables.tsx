import type { MedicationView } from "@/lib/health-record/to-medication-view";

import { EmptyState } from "./empty-state";
import { formatOptionalDate } from "./format-optional-date";
import styles from "./health.module.css";
import { healthStrings } from "./strings";
import { TableScroll } from "./table-scroll";

const strings = healthStrings.medications;

/** Renders current prescriptions, then past ones, each newest first. */
export function MedicationTables({ medications }: { medications: MedicationView[] }): React.ReactElement {
  const current = medications.filter((medication) => medication.group === "current");
  const past = medications.filter((medication) => medication.group === "past");

  return (
    <>
      <MedicationSection id="current-medications" heading={strings.currentHeading} empty={strings.currentEmpty} medications={current} />
      <MedicationSection id="past-medications" heading={strings.pastHeading} empty={strings.pastEmpty} medications={past} />
    </>
  );
}

function MedicationSection({ id, heading, empty, medications }: { id: string; heading: string; empty: string; medications: MedicationView[] }): React.ReactElement {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {medications.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <TableScroll label={strings.caption(heading)}>
          <table className={styles.table}>
            <caption className="visually-hidden">{strings.caption(heading)}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.columns.name}</th>
                <th scope="col">{strings.columns.instructions}</th>
                <th scope="col">{strings.columns.prescribed}</th>
                <th scope="col">{strings.columns.prescriber}</th>
              </tr>
            </thead>
            <tbody>
              {medications.map((medication) => (
                <tr key={medication.id}>
                  <th scope="row">
                    {medication.name ?? healthStrings.unnamed}
                    {medication.status !== "active" && <span className={styles.badge}>{strings.statuses[medication.status]}</span>}
                  </th>
                  <td data-label={strings.columns.instructions}>{medication.dosage ?? strings.noInstructions}</td>
                  <td className={styles.nowrap} data-label={strings.columns.prescribed}>
                    {formatOptionalDate(medication.authoredOn)}
                  </td>
                  <td data-label={strings.columns.prescriber}>{medication.prescriber ?? strings.unknownPrescriber}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
