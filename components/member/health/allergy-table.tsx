import type { AllergyView } from "@/lib/health-record/to-allergy-view";

import { EmptyState } from "./empty-state";
import { formatOptionalDate } from "./format-optional-date";
import { HealthTable } from "./health-table";
import styles from "./health.module.css";
import { healthStrings } from "./strings";

const strings = healthStrings.allergies;

/** Renders allergies and intolerances with their reactions and risk, newest recorded first. */
export function AllergyTable({ allergies }: { allergies: AllergyView[] }): React.ReactElement {
  if (allergies.length === 0) {
    return <EmptyState>{strings.empty}</EmptyState>;
  }

  return (
    <HealthTable caption={strings.caption} columns={[strings.columns.substance, strings.columns.reactions, strings.columns.criticality, strings.columns.status, strings.columns.recorded]}>
      {allergies.map((allergy) => (
        <tr key={allergy.id}>
          <th scope="row">{allergy.substance ?? healthStrings.unnamed}</th>
          <td data-label={strings.columns.reactions}>{formatReactions(allergy)}</td>
          <td data-label={strings.columns.criticality}>{allergy.criticality ? strings.criticality[allergy.criticality] : strings.unknownStatus}</td>
          <td data-label={strings.columns.status}>{allergy.status ? strings.statuses[allergy.status] : strings.unknownStatus}</td>
          <td className={styles.nowrap} data-label={strings.columns.recorded}>
            {formatOptionalDate(allergy.recorded)}
          </td>
        </tr>
      ))}
    </HealthTable>
  );
}

function formatReactions(allergy: AllergyView): string {
  if (allergy.reactions.length === 0) {
    return strings.noReactions;
  }
  return allergy.reactions
    .map((reaction) => (reaction.severity ? strings.reactionWithSeverity(reaction.manifestation, strings.severity[reaction.severity]) : reaction.manifestation))
    .join(", ");
}
