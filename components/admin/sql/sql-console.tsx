"use client";

import { useActionState, useState } from "react";

import { runSqlQuery } from "./actions";
import type { SqlConsoleState } from "./sql-console-state";
import { sqlConsoleStrings as strings } from "./strings";

const initialState: SqlConsoleState = { status: "idle", query: "" };

/** Renders the query form, its result table or error, and the CSV download of the same query. */
export function SqlConsole(): React.ReactElement {
  const [state, runAction, pending] = useActionState(runSqlQuery, initialState);
  const [query, setQuery] = useState("");

  return (
    <>
      <form action={runAction} className="form panel">
        <div className="field">
          <label htmlFor="sql-query">{strings.queryLabel}</label>
          <textarea
            id="sql-query"
            name="query"
            rows={8}
            spellCheck={false}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-describedby="sql-query-hint"
            aria-invalid={state.status === "error" ? true : undefined}
            required
          />
          <p id="sql-query-hint" className="note">
            {strings.queryHint}
          </p>
        </div>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? strings.running : strings.run}
        </button>
      </form>
      <form method="post" action="/admin/sql/csv">
        <input type="hidden" name="query" value={query} />
        <button type="submit" className="button" disabled={query.trim() === ""}>
          {strings.download}
        </button>
      </form>
      <div role="alert">
        {state.status === "error" && (
          <div className="form-error">
            <h2>{strings.errorHeading}</h2>
            <p>{state.message}</p>
          </div>
        )}
      </div>
      {state.status === "done" && <ResultTable columns={state.columns} rows={state.rows} truncated={state.truncated} />}
    </>
  );
}

function ResultTable({ columns, rows, truncated }: { columns: string[]; rows: (string | null)[][]; truncated: boolean }): React.ReactElement {
  return (
    <section aria-labelledby="sql-result-heading">
      <h2 id="sql-result-heading">{strings.resultCaption}</h2>
      <p role="status">
        {strings.rowCount(rows.length)}
        {truncated ? ` ${strings.truncated}` : ""}
      </p>
      {rows.length === 0 ? (
        <p>{strings.noRows}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={strings.resultCaption}>
          <table>
            <thead>
              <tr>
                {columns.map((column, index) => (
                  <th key={index} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((value, columnIndex) => (
                    <td key={columnIndex}>{value ?? <em>{strings.nullValue}</em>}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
