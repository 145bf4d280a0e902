import type { ClaimListQuery } from "@/lib/claims/claim-list-query";
import { toClaimListSearch } from "@/lib/claims/claim-list-query";
import type { ClaimListPage } from "@/lib/claims/claim-list-row";

import styles from "./claims-list.module.css";
import { claimsStrings } from "./strings";

/**
 * Renders Previous and Next links with the page count. They are real links to the filtered
 * address, so they also work before the script loads and can open in a new tab.
 */
export function ClaimsPagination({
  query,
  page,
  onNavigate,
}: {
  query: ClaimListQuery;
  page: ClaimListPage;
  onNavigate: (query: ClaimListQuery) => void;
}): React.ReactElement | null {
  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (pageCount === 1) {
    return null;
  }

  const link = (target: number, label: string): React.ReactElement => {
    const next = { ...query, page: target };
    const search = toClaimListSearch(next);
    return (
      <a
        href={search ? `/member/claims?${search}` : "/member/claims"}
        className="button"
        onClick={(event) => {
          event.preventDefault();
          onNavigate(next);
        }}
      >
        {label}
      </a>
    );
  };

  return (
    <nav aria-label={claimsStrings.pagination} className={styles.pagination}>
      {page.page > 1 && link(Math.min(page.page - 1, pageCount), claimsStrings.previousPage)}
      <span>{claimsStrings.pageOf(Math.min(page.page, pageCount), pageCount)}</span>
      {page.page < pageCount && link(page.page + 1, claimsStrings.nextPage)}
    </nav>
  );
}
