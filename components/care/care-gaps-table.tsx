import type { CareGap } from "@/lib/care-gaps/list-care-gaps";

import { formatCareDate } from "./format-care-date";
import { careStrings } from "./strings";
import { CareTable } from "./care-table";

const strings = careStrings.member;

/** Renders a panel member's care gaps, open ones first. */
export function CareGapsTable({ gaps }: { gaps: CareGap[] }): React.ReactElement {
  if (gaps.length === 0) {
    return <p>{strings.noGaps}</p>;
  }
  const ordered = [...gaps].sort((left, right) => Number(left.status === "closed") - Number(right.status === "closed"));
  return (
    <CareTable label={strings.gapsHeading} columns={strings.gapColumns}>
      {ordered.map((gap) => (
        <tr key={gap.id}>
          <th scope="row">{gap.measureTitle}</th>
          <td>{strings.gapStatus[gap.status]}</td>
          <td>{formatCareDate(gap.identified)}</td>
        </tr>
      ))}
    </CareTable>
  );
}
