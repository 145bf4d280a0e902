import type { ClaimSummary } from "@/lib/claims/claim-summary";

import { formatCalendarDate } from "../member/format-calendar-date";
import { memberStrings } from "../member/strings";
import { careStrings } from "./strings";

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
    <div className="table-scroll" role="region" aria-label={strings.claimsHeading} tabIndex={0}>
      <table className="claims-table">
        <caption className="visually-hidden">{strings.claimsHeading}</caption>
        <thead>
          <tr>
            {strings.claimColumns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr key={claim.id}>
              <td>{claim.serviceDate ? formatCalendarDate(claim.serviceDate, careStrings.locale) : careStrings.unknownDate}</td>
              <td>{claim.providerName ?? strings.unknownProvider}</td>
              <td>{memberStrings.claimTypes[claim.claimType]}</td>
              <td>{claim.canceled ? strings.canceled : strings.processed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
