import Link from "next/link";

import type { ClaimSummary } from "@/lib/claims/claim-summary";
import type { Billed } from "@/lib/claims/compute-claim-amounts";

import { formatCalendarDate } from "./format-calendar-date";
import { formatMemberOwes } from "./format-member-owes";
import { formatMoney } from "./format-money";
import { memberStrings } from "./strings";

const totalsNoteId = "claims-totals-note";

/**
 * Renders the member's recent claims, or an empty state when there are none. Notes below the table
 * explain the "At least", "Canceled" and footnote markers when a row shows one.
 */
export function ClaimsTable({ claims }: { claims: ClaimSummary[] }): React.ReactElement {
  const columns = memberStrings.columns;
  const hasFloor = claims.some((claim) => claim.memberOwes.kind === "atLeast");
  const hasCanceled = claims.some((claim) => claim.canceled);
  const hasTotalsMismatch = claims.some((claim) => claim.billed.kind === "disagreesWithLines");

  return (
    <section className="panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading">{memberStrings.claimsHeading}</h2>
      {claims.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state-title">{memberStrings.noClaimsTitle}</p>
          <p>{memberStrings.noClaimsBody}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="claims-table">
            <caption>{memberStrings.claimsCaption(claims.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{columns.serviceDate}</th>
                <th scope="col">{columns.provider}</th>
                <th scope="col">{columns.claimType}</th>
                <th scope="col" className="numeric">
                  {columns.billed}
                </th>
                <th scope="col" className="numeric">
                  {columns.youOwe}
                </th>
              </tr>
            </thead>
            <tbody>
              {claims.map((claim) => (
                <ClaimRow key={claim.id} claim={claim} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasFloor && <p className="note">{memberStrings.atLeastNote}</p>}
      {hasCanceled && <p className="note">{memberStrings.canceledNote}</p>}
      {hasTotalsMismatch && (
        <p id={totalsNoteId} className="note">
          <span aria-hidden="true">{memberStrings.totalsMismatchMarker} </span>
          {memberStrings.totalsMismatchNote}
        </p>
      )}
    </section>
  );
}

/**
 * Renders one claim; its date links to the claim's detail page. `data-label` names each cell for
 * narrow screens, where the row is stacked into a card.
 */
function ClaimRow({ claim }: { claim: ClaimSummary }): React.ReactElement {
  const locale = memberStrings.locale;
  const columns = memberStrings.columns;
  return (
    <tr>
      <th scope="row">
        <Link href={`/member/claims/${encodeURIComponent(claim.id)}`}>
          {claim.serviceDate ? formatCalendarDate(claim.serviceDate, locale) : memberStrings.unknownDate}
        </Link>
        {claim.canceled && <div>{memberStrings.canceled}</div>}
      </th>
      <td data-label={columns.provider}>{claim.providerName ?? memberStrings.unknownProvider}</td>
      <td data-label={columns.claimType}>{memberStrings.claimTypes[claim.claimType]}</td>
      <td data-label={columns.billed} className="numeric">
        <BilledAmount billed={claim.billed} />
      </td>
      <td data-label={columns.youOwe} className="numeric">
        {formatMemberOwes(claim.memberOwes)}
      </td>
    </tr>
  );
}

/** Renders the "Billed" cell; a total that disagrees with its lines links to the note below. */
function BilledAmount({ billed }: { billed: Billed }): React.ReactElement {
  switch (billed.kind) {
    case "exact":
      return <>{formatMoney(billed.amount, memberStrings.locale)}</>;
    case "fromLines":
      return <>{memberStrings.billedFromLines(formatMoney(billed.amount, memberStrings.locale))}</>;
    case "unknown":
      return <>{memberStrings.notAvailable}</>;
    case "disagreesWithLines":
      return (
        <>
          {memberStrings.notAvailable}
          <sup>
            <a href={`#${totalsNoteId}`} aria-label={memberStrings.totalsMismatchMarkerLabel}>
              {memberStrings.totalsMismatchMarker}
            </a>
          </sup>
        </>
      );
  }
}
