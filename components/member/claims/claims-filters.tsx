"use client";

import Link from "next/link";
import { useState } from "react";

import { claimSorts, defaultClaimListQuery, listedClaimStatuses, parseClaimListQuery, type ClaimListQuery } from "@/lib/claims/claim-list-query";
import type { ClaimProviderOption } from "@/lib/claims/list-claim-providers";

import styles from "./claims-list.module.css";
import { claimsStrings } from "./strings";

const claimTypeOptions = ["professional", "institutional", "pharmacy", "oral", "vision", "other"] as const;

/**
 * Renders the filter form. It is a plain GET form, so it works before the page's script loads.
 * Once the script runs, `onApply` receives the validated query and the page updates without a reload.
 */
export function ClaimsFilters({
  query,
  providers,
  onApply,
}: {
  query: ClaimListQuery;
  providers: ClaimProviderOption[];
  onApply: (query: ClaimListQuery) => void;
}): React.ReactElement {
  const [error, setError] = useState<string | null>(null);
  const labels = claimsStrings.filterLabels;

  function handleSubmit(event: React.FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string") params.append(key, value);
    }

    const parsed = parseClaimListQuery(params);
    if (!parsed.ok) {
      const label = Object.entries(labels).find(([field]) => field === parsed.field)?.[1] ?? parsed.field;
      setError(claimsStrings.invalidFilter(label));
      return;
    }
    setError(null);
    onApply({ ...parsed.query, page: 1 });
  }

  return (
    <form className={styles.filters} action="/member/claims" method="get" onSubmit={handleSubmit} aria-labelledby="claims-filters-heading">
      <h2 id="claims-filters-heading" className={styles.filtersHeading}>
        {claimsStrings.filtersHeading}
      </h2>
      <div className={styles.filterFields}>
        <label className={styles.field}>
          {labels.type}
          <select name="type" defaultValue={query.type ?? ""}>
            <option value="">{claimsStrings.anyType}</option>
            {claimTypeOptions.map((type) => (
              <option key={type} value={type}>
                {claimsStrings.claimTypes[type]}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          {labels.status}
          <select name="status" defaultValue={query.status ?? ""}>
            <option value="">{claimsStrings.anyStatus}</option>
            {listedClaimStatuses.map((status) => (
              <option key={status} value={status}>
                {claimsStrings.statuses[status]}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          {labels.provider}
          <select name="provider" defaultValue={query.provider ?? ""}>
            <option value="">{claimsStrings.anyProvider}</option>
            {providers.map((provider) => (
              <option key={provider.reference} value={provider.reference}>
                {provider.name ?? claimsStrings.unnamedProvider(provider.reference)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          {labels.from}
          <input type="date" name="from" defaultValue={query.from ?? ""} />
        </label>
        <label className={styles.field}>
          {labels.to}
          <input type="date" name="to" defaultValue={query.to ?? ""} />
        </label>
        <label className={styles.field}>
          {labels.sort}
          <select name="sort" defaultValue={query.sort}>
            {claimSorts.map((sort) => (
              <option key={sort} value={sort}>
                {claimsStrings.sorts[sort]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="alert" className={styles.formError}>
        {error}
      </p>
      <div className={styles.actions}>
        <button type="submit" className="button button-primary">
          {claimsStrings.applyFilters}
        </button>
        <Link href="/member/claims" className="button" onClick={(event) => clearFilters(event, onApply)}>
          {claimsStrings.clearFilters}
        </Link>
      </div>
    </form>
  );
}

function clearFilters(event: React.MouseEvent<HTMLAnchorElement>, onApply: (query: ClaimListQuery) => void): void {
  event.preventDefault();
  onApply(defaultClaimListQuery);
}
