import type { ClaimSummary } from "@/lib/claims/claim-summary";

import { formatCalendarDate } from "../member/format-calendar-date";
import { memberStrings } from "../member/strings";
import { careStrings } from "./strings";
import { CareTable } from "./care-table";

const strings = careStrings.member;

/**
 * Renders a member's recent claims for the care manager: date, provider, type and status. The
 * member's own claims table links to member-only pages and shows amounts owed, which outreach
 * does not need, so it is not reused here.
 */
export function CareClaimsTable({ claims }: { claims: ClaimSummary[] }): React.ReactElement {
  if (claims.length === 0) {
    return <p>{strings.noClaims}</p>;
  }
  return (
    <CareTable label={strings.claimsHeading} columns={strings.claimColumns}>
      {claims.map((claim) => (
        <tr key={claim.id}>
          <td>{claim.serviceDate ? formatCalendarDate(claim.serviceDate, careStrings.locale) : careStrings.unknownDate}</td>
          <td>{claim.providerName ?? strings.unknownProvider}</td>
          <td>{memberStrings.claimTypes[claim.claimType]}</td>
          <td>{claim.canceled ? strings.canceled : strings.processed}</td>
        </tr>
      ))}
    </CareTable>
  );
}
