"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

import { readWorklistQueryOrDefault, toWorklistSearch, type WorklistQuery } from "@/lib/care/worklist-query";
import type { WorklistPage } from "@/lib/care/worklist-row";

import styles from "./care.module.css";
import { careStrings } from "./strings";
import { WorklistFilters } from "./worklist-filters";
import { WorklistTable } from "./worklist-table";

const strings = careStrings.worklist;

/** A failed request to the worklist endpoint; 401 means the session has ended. */
class WorklistRequestError extends Error {
  constructor(readonly status: number) {
    super(`GET /care/api/worklist returned HTTP ${status}.`);
    this.name = "WorklistRequestError";
  }
}

async function fetchWorklistPage(search: string): Promise<WorklistPage> {
  const response = await fetch(`/care/api/worklist${search ? `?${search}` : ""}`, { headers: { accept: "application/json" } });
  if (!response.ok) {
    throw new WorklistRequestError(response.status);
  }
  // The endpoint is this app's own route handler, which sends a WorklistPage.
  return (await response.json()) as WorklistPage;
}

/**
 * Renders the interactive worklist: filters, table and paging. The filters live in the address,
 * so a filtered list can be bookmarked. The first page comes from the server render, later ones
 * from /care/api/worklist.
 */
export function Worklist({ initialPage, initialSearch }: { initialPage: WorklistPage; initialSearch: string }): React.ReactElement {
  const pathname = usePathname();
  const query = readWorklistQueryOrDefault(useSearchParams());
  const search = toWorklistSearch(query);

  const result = useQuery({
    queryKey: ["care-worklist", search],
    queryFn: () => fetchWorklistPage(search),
    initialData: search === initialSearch ? initialPage : undefined,
    placeholderData: keepPreviousData,
  });

  function navigate(next: WorklistQuery): void {
    const nextSearch = toWorklistSearch(next);
    // Next.js keeps useSearchParams in step with pushState, so the list updates without a server render.
    window.history.pushState(null, "", nextSearch ? `${pathname}?${nextSearch}` : pathname);
  }

  return (
    <>
      <WorklistFilters key={search} query={query} onApply={navigate} />
      <section className="panel" aria-labelledby="worklist-results-heading">
        <h2 id="worklist-results-heading">{strings.listHeading}</h2>
        <p role="status" className={styles.status}>
          {statusText(result.data, result.isFetching)}
        </p>
        <WorklistResults
          query={query}
          page={result.data}
          failure={result.isError && !result.isFetching ? failureOf(result.error) : null}
          busy={result.isFetching}
          onNavigate={navigate}
          onRetry={() => void result.refetch()}
        />
        <p className="note">{strings.formula}</p>
      </section>
    </>
  );
}

function WorklistResults(props: {
  query: WorklistQuery;
  page: WorklistPage | undefined;
  failure: "signed-out" | "failed" | null;
  busy: boolean;
  onNavigate: (query: WorklistQuery) => void;
  onRetry: () => void;
}): React.ReactElement | null {
  const { query, page, failure, busy, onNavigate, onRetry } = props;
  if (failure === "signed-out") {
    return (
      <div className="empty-state">
        <p className="empty-state-title">{strings.signedOutTitle}</p>
        <Link href="/sign-in">{strings.signInAgain}</Link>
      </div>
    );
  }
  if (failure === "failed") {
    return (
      <div className="empty-state">
        <p className="empty-state-title">{strings.loadFailedTitle}</p>
        <p>{strings.loadFailedBody}</p>
        <button type="button" className="button" onClick={onRetry}>
          {strings.tryAgain}
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
      <WorklistTable rows={page.rows} busy={busy} />
      <WorklistPagination query={query} page={page} onNavigate={onNavigate} />
    </>
  );
}

function EmptyResults({ query, page, onNavigate }: { query: WorklistQuery; page: WorklistPage; onNavigate: (query: WorklistQuery) => void }): React.ReactElement {
  if (page.total > 0) {
    return (
      <p>
        <a href="/care" onClick={(event) => navigateTo(event, { ...query, page: 1 }, onNavigate)}>
          {strings.pastLastPage}
        </a>
      </p>
    );
  }
  const filtered = toWorklistSearch({ ...query, page: 1, sort: "risk" }) !== "";
  return (
    <div className="empty-state">
      <p className="empty-state-title">{filtered ? strings.noMatchesTitle : strings.emptyPanelTitle}</p>
      <p>{filtered ? strings.noMatchesBody : strings.emptyPanelBody}</p>
    </div>
  );
}

function WorklistPagination({ query, page, onNavigate }: { query: WorklistQuery; page: WorklistPage; onNavigate: (query: WorklistQuery) => void }): React.ReactElement | null {
  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (pageCount === 1) {
    return null;
  }

  const link = (target: number, label: string): React.ReactElement => {
    const next = { ...query, page: target };
    const search = toWorklistSearch(next);
    return (
      <a href={search ? `/care?${search}` : "/care"} className="button" onClick={(event) => navigateTo(event, next, onNavigate)}>
        {label}
      </a>
    );
  };
  return (
    <nav aria-label={strings.pagination} className={styles.pagination}>
      {page.page > 1 && link(Math.min(page.page - 1, pageCount), strings.previous)}
      <span>{strings.pageOf(Math.min(page.page, pageCount), pageCount)}</span>
      {page.page < pageCount && link(page.page + 1, strings.next)}
    </nav>
  );
}

function navigateTo(event: React.MouseEvent<HTMLAnchorElement>, query: WorklistQuery, onNavigate: (query: WorklistQuery) => void): void {
  event.preventDefault();
  onNavigate(query);
}

function failureOf(error: Error): "signed-out" | "failed" {
  return error instanceof WorklistRequestError && error.status === 401 ? "signed-out" : "failed";
}

function statusText(page: WorklistPage | undefined, fetching: boolean): string {
  if (fetching || !page) {
    return strings.loading;
  }
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;
  return page.rows.length > 0 ? strings.showing(first, last, page.total) : "";
}
