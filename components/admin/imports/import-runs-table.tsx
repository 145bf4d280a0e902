import Link from "next/link";

import type { ImportRunSummary } from "@/lib/ingest/runs/import-run-views";

import { formatUtcTime } from "./format-utc-time";
import { importStrings as strings } from "./strings";

const countColumns = ["files", "created", "updated", "unchanged", "deleted", "rejected", "warnings", "failed"] as const;

/** Renders import runs, one row each, with the start time linking to the run's issues. */
export function ImportRunsTable({ runs, caption }: { runs: ImportRunSummary[]; caption: string }): React.ReactElement {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="claims-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.columns.started}</th>
            <th scope="col">{strings.columns.source}</th>
            <th scope="col">{strings.columns.status}</th>
            {countColumns.map((column) => (
              <th scope="col" className="numeric" key={column}>
                {strings.columns[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <th scope="row" data-label={strings.columns.started}>
                <Link href={`/admin/imports/${run.id}`}>{formatUtcTime(run.startedAt)}</Link>
              </th>
              <td data-label={strings.columns.source}>{strings.sources[run.source] ?? run.source}</td>
              <td data-label={strings.columns.status}>{strings.statuses[run.status]}</td>
              {countColumns.map((column) => (
                <td className="numeric" data-label={strings.columns[column]} key={column}>
                  {column === "files" ? run.fileCount : run[column]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
