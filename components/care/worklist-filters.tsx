"use client";

import { useState } from "react";

import { riskBands } from "@/lib/care/risk-score";
import { parseWorklistQuery, worklistSorts, type WorklistQuery } from "@/lib/care/worklist-query";

import styles from "./care.module.css";
import { careStrings } from "./strings";

const strings = careStrings.worklist;
const labels: Record<string, string> = { q: strings.search, gaps: strings.gaps, band: strings.band, sort: strings.sort };

/**
 * Renders the worklist's filter form. It is a plain GET form, so it works before the script
 * loads. Once the script runs, `onApply` receives the validated query and the list updates in place.
 */
export function WorklistFilters({ query, onApply }: { query: WorklistQuery; onApply: (query: WorklistQuery) => void }): React.ReactElement {
  const [error, setError] = useState<string | null>(null);

  function handleSubmit(event: React.FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string") params.append(key, value);
    }

    const parsed = parseWorklistQuery(params);
    if (!parsed.ok) {
      setError(strings.invalidFilter(labels[parsed.field] ?? parsed.field));
      return;
    }
    setError(null);
    onApply({ ...parsed.query, page: 1 });
  }

  return (
    <form className={styles.filters} action="/care" method="get" onSubmit={handleSubmit} aria-labelledby="worklist-filters-heading">
      <h2 id="worklist-filters-heading">{strings.filtersHeading}</h2>
      <div className={styles.fields}>
        <label className={styles.field}>
          {strings.search}
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={100} autoComplete="off" />
        </label>
        <label className={styles.field}>
          {strings.gaps}
          <select name="gaps" defaultValue={query.gaps ?? ""}>
            <option value="">{strings.anyGaps}</option>
            <option value="open">{strings.openGaps}</option>
          </select>
        </label>
        <label className={styles.field}>
          {strings.band}
          <select name="band" defaultValue={query.band ?? ""}>
            <option value="">{strings.anyBand}</option>
            {riskBands.map((band) => (
              <option key={band} value={band}>
                {strings.bands[band]}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          {strings.sort}
          <select name="sort" defaultValue={query.sort}>
            {worklistSorts.map((sort) => (
              <option key={sort} value={sort}>
                {strings.sorts[sort]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className={styles.actions}>
        <button type="submit" className="button button-primary">
          {strings.apply}
        </button>
        <a
          href="/care"
          onClick={(event) => {
            event.preventDefault();
            setError(null);
            onApply({ sort: "risk", page: 1 });
          }}
        >
          {strings.clear}
        </a>
      </div>
      <p role="alert" className={styles.error}>
        {error}
      </p>
    </form>
  );
}
