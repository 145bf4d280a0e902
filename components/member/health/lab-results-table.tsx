import { Badge } from "@/components/ui/badge";
import type { LabResultView, ResultFlag } from "@/lib/health-record/to-lab-result-view";

import { EmptyState } from "./empty-state";
import { formatObservationValue, formatReferenceRange } from "./format-observation-value";
import { formatOptionalDate } from "./format-optional-date";
import { HealthTable } from "./health-table";
import styles from "./health.module.css";
import { healthStrings } from "./strings";

const strings = healthStrings.labs;

const flagClass: Record<ResultFlag, string | undefined> = {
  high: styles.flagHigh,
  low: styles.flagLow,
  abnormal: styles.flagAbnormal,
  normal: undefined,
};

/** Renders one page of lab results with value, unit, normal range and the lab's flag, newest first. */
export function LabResultsTable({ results }: { results: LabResultView[] }): React.ReactElement {
  if (results.length === 0) {
    return <EmptyState>{strings.empty}</EmptyState>;
  }

  return (
    <HealthTable caption={strings.caption} columns={[strings.columns.test, strings.columns.date, strings.columns.result, strings.columns.range, strings.columns.flag]}>
      {results.map((result) => (
        <tr key={result.id}>
          <th scope="row">
            {result.name ?? healthStrings.unnamed}
            {result.preliminary && <Badge>{strings.preliminary}</Badge>}
          </th>
          <td className={styles.nowrap} data-label={strings.columns.date}>
            {formatOptionalDate(result.date)}
          </td>
          <td data-label={strings.columns.result}>{formatObservationValue(result.value)}</td>
          <td data-label={strings.columns.range}>{formatReferenceRange(result.range)}</td>
          <td className={result.flag ? flagClass[result.flag] : undefined} data-label={result.flag ? strings.columns.flag : undefined}>
            {result.flag ? strings.flags[result.flag] : ""}
          </td>
        </tr>
      ))}
    </HealthTable>
  );
}
