"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

import { readClaimListQueryOrDefault, toClaimListSearch, type ClaimListQuery } from "@/lib/claims/claim-list-query";
import type { ClaimListPage } from "@/lib/claims/claim-list-row";
import type { ClaimProviderOption } from "@/lib/claims/list-claim-providers";

import { ClaimsFilters } from "./claims-filters";
import styles from "./claims-list.module.css";
import { ClaimsListTable } from "./claims-list-table";
import { ClaimsPagination } from "./claims-pagination";
import { claimsStrings } from "./strings";

/** A failed request to the claims endpoint; 401 means the session has ended. */
class ClaimsRequestError extends Error {
  constructor(readonly status: number) {
    super(`GET /api/member/claims returned HTTP ${status}.`);
    this.name = "ClaimsRequestError";
  }
}

async function fetchClaimsPage(search: string): Promise<ClaimListPage> {
  const response = await fetch(`/api/member/claims${search ? `?${search}` : ""}`, { headers: { accept: "application/json" } });
  if (!response.ok) {
    throw new ClaimsRequestError(response.status);
  }
  // The endpoint is this app's own route handler, which sends a ClaimListPage.
  return (await response.json()) as ClaimListPage;
}

/**
 * Renders the interactive claims list: filters, table and paging. The filters are kept in the
 * address, so a filtered list can be bookmarked and Back returns to the previous filters. The
 * first page comes from the server render, and later pages from /api/member/claims.
 */
export function ClaimsList({
  initialPage,
  initialSearch,
  providers,
}: {
  initialPage: ClaimListPage;
  initialSearch: string;
  providers: ClaimProviderOption[];
}): React.ReactElement {
  const pathname = usePathname();
  const query = readClaimListQueryOrDefault(useSearchParams());
  const search = toClaimListSearch(query);

  const result = useQuery({
    queryKey: ["member-claims", search],
    queryFn: () => fetchClaimsPage(search),
    initialData: search === initialSearch ? initialPage : undefined,
    placeholderData: keepPreviousData,
  });

  function navigate(next: ClaimListQuery): void {
    const nextSearch = toClaimListSearch(next);
    // Next.js keeps useSearchParams in step with pushState, so the page updates without a server render.
    window.history.pushState(null, "", nextSearch ? `${pathname}?${nextSearch}` : pathname);
  }

  return (
    <>
      <ClaimsFilters key={search} query={query} providers={providers} onApply={navigate} />
      <section className="panel" aria-labelledby="claims-results-heading">
        <h2 id="claims-results-heading" className="visually-hidden">
          {claimsStrings.listTitle}
        </h2>
        <p role="status" className={styles.status}>
          {statusText(result.data, result.isFetching)}
        </p>
        <ClaimsResults
          query={query}
          page={result.data}
          failure={result.isError && !result.isFetching ? failureOf(result.error) : null}
          busy={result.isFetching}
          onNavigate={navigate}
          onRetry={() => void result.refetch()}
        />
      </section>
    </>
  );
}

function ClaimsResults({
  query,
  page,
  failure,
  busy,
  onNavigate,
  onRetry,
}: {
  query: ClaimListQuery;
  page: ClaimListPage | undefined;
  failure: "signed-out" | "failed" | null;
  busy: boolean;
  onNavigate: (query: ClaimListQuery) => void;
  onRetry: () => void;
}): React.ReactElement | null {
  if (failure === "signed-out") {
    return (
      <div className="empty-state">
        <p className="empty-state-title">{claimsStrings.signedOutTitle}</p>
        <Link href="/sign-in">{claimsStrings.signInAgain}</Link>
      </div>
    );
  }
  if (failure === "failed") {
    return (
      <div className="empty-state">
        <p className="empty-state-title">{claimsStrings.loadFailedTitle}</p>
        <p>{claimsStrings.loadFailedBody}</p>
        <button type="button" className="button" onClick={onRetry}>
          {claimsStrings.tryAgain}
        </button>
      </div>
    );
  }
  if (!page) {
    return null;
  }
  if (page.rows.length === 0) {
    return <EmptyResults query={query} page={page} onNavigate={onNavigate} />;
  }
  return (
    <>
      <ClaimsListTable rows={page.rows} busy={busy} />
      {page.rows.some((row) => row.memberOwes.kind === "atLeast") && <p className="note">{claimsStrings.atLeastNote}</p>}
      <ClaimsPagination query={query} page={page} onNavigate={onNavigate} />
    </>
  );
}

function EmptyResults({ query, page, onNavigate }: { query: ClaimListQuery; page: ClaimListPage; onNavigate: (query: ClaimListQuery) => void }): React.ReactElement {
  if (page.total > 0) {
    return (
      <p>
        <Link href="/member/claims" onClick={(event) => firstPage(event, query, onNavigate)}>
          {claimsStrings.pastLastPage}
        </Link>
      </p>
    );
  }
  const filtered = toClaimListSearch({ ...query, page: 1, sort: "newest" }) !== "";
  return (
    <div className="empty-state">
      <p className="empty-state-title">{filtered ? claimsStrings.noMatchesTitle : claimsStrings.noClaimsTitle}</p>
      <p>{filtered ? claimsStrings.noMatchesBody : claimsStrings.noClaimsBody}</p>
    </div>
  );
}

function failureOf(error: Error): "signed-out" | "failed" {
  return error instanceof ClaimsRequestError && error.status === 401 ? "signed-out" : "failed";
}

function firstPage(event: React.MouseEvent<HTMLAnchorElement>, query: ClaimListQuery, onNavigate: (query: ClaimListQuery) => void): void {
  event.preventDefault();
  onNavigate({ ...query, page: 1 });
}

function statusText(page: ClaimListPage | undefined, fetching: boolean): string {
  if (fetching || !page) {
    return claimsStrings.loading;
  }
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;
  return page.rows.length > 0 ? claimsStrings.showing(first, last, page.total) : "";
}

