import Link from "next/link";

import type { ClaimListRow } from "@/lib/claims/claim-list-row";
import type { Billed } from "@/lib/claims/compute-claim-amounts";
import type { MemberOwes } from "@/lib/claims/compute-member-owes";
import type { Money } from "@/lib/claims/money";

import { formatCalendarDate } from "../format-calendar-date";
import { formatMoney } from "../format-money";
import tableStyles from "./claims-table.module.css";
import { claimsStrings } from "./strings";

/**
 * Renders one page of claims as a table, with each date linking to the claim's detail page.
 * `busy` sets aria-busy on the table while the next page loads.
 */
export function ClaimsListTable({ rows, busy }: { rows: ClaimListRow[]; busy: boolean }): React.ReactElement {
  const columns = claimsStrings.columns;
  return (
    <div className={tableStyles.tableScroll}>
      <table className={`${tableStyles.table} ${tableStyles.stacked}`} aria-busy={busy}>
        <caption className={tableStyles.caption}>{claimsStrings.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.serviceDate}</th>
            <th scope="col">{columns.provider}</th>
            <th scope="col">{columns.claimType}</th>
            <th scope="col">{columns.status}</th>
            <th scope="col" className={tableStyles.numeric}>
              {columns.billed}
            </th>
            <th scope="col" className={tableStyles.numeric}>
              {columns.planPaid}
            </th>
            <th scope="col" className={tableStyles.numeric}>
              {columns.youOwe}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ClaimRow key={row.id} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ClaimRow({ row }: { row: ClaimListRow }): React.ReactElement {
  const columns = claimsStrings.columns;
  const date = row.serviceDate ? formatCalendarDate(row.serviceDate, claimsStrings.locale) : claimsStrings.unknownDate;
  const provider = row.providerName ?? claimsStrings.unknownProvider;

  return (
    <tr>
      <th scope="row">
        <Link href={`/member/claims/${encodeURIComponent(row.id)}`} aria-label={claimsStrings.openClaim(date, provider)}>
          {date}
        </Link>
      </th>
      <td data-label={columns.provider}>{provider}</td>
      <td data-label={columns.claimType}>{claimsStrings.claimTypes[row.claimType]}</td>
      <td data-label={columns.status}>{row.canceled ? claimsStrings.statuses.cancelled : claimsStrings.statuses.active}</td>
      <td data-label={columns.billed} className={tableStyles.numeric}>
        {billedText(row.billed)}
      </td>
      <td data-label={columns.planPaid} className={tableStyles.numeric}>
        {moneyOrNotAvailable(row.planPaid)}
      </td>
      <td data-label={columns.youOwe} className={tableStyles.numeric}>
        {memberOwesText(row.memberOwes)}
      </td>
    </tr>
  );
}

/** Formats an amount, or "Not available" for null. */
export function moneyOrNotAvailable(money: Money | null): string {
  return money ? formatMoney(money, claimsStrings.locale) : claimsStrings.notAvailable;
}

/** Formats the billed amount, noting one added up from the lines, or a mismatch label when the total disagrees with its lines. */
export function billedText(billed: Billed): string {
  switch (billed.kind) {
    case "exact":
      return formatMoney(billed.amount, claimsStrings.locale);
    case "fromLines":
      return claimsStrings.billedFromLines(formatMoney(billed.amount, claimsStrings.locale));
    case "unknown":
      return claimsStrings.notAvailable;
    case "disagreesWithLines":
      return claimsStrings.totalsMismatch;
  }
}

/** Formats what the member owes: an amount, "At least" an amount, or "Not available". */
export function memberOwesText(owes: MemberOwes): string {
  switch (owes.kind) {
    case "exact":
      return formatMoney(owes.amount, claimsStrings.locale);
    case "atLeast":
      return claimsStrings.atLeast(formatMoney(owes.amount, claimsStrings.locale));
    case "unknown":
      return claimsStrings.notAvailable;
  }
}
