import Link from "next/link";

import type { AuditEventRow, AuditSearch } from "@/lib/audit/search-audit-events";

import { auditStrings as strings } from "./strings";

/** Renders one page of audit events with links to newer and older pages that keep the filters. */
export function AuditEventTable({ rows, hasNext, search }: { rows: AuditEventRow[]; hasNext: boolean; search: AuditSearch }): React.ReactElement {
  if (rows.length === 0) {
    return <p>{strings.none}</p>;
  }
  const pageHref = (page: number): string => `/admin/audit?${new URLSearchParams({ patient: search.patient, from: search.from, to: search.to, outcome: search.outcome, page: String(page) }).toString()}`;

  return (
    <>
      <div className="table-scroll" role="region" aria-label={strings.caption} tabIndex={0}>
        <table className="claims-table">
          <caption>{strings.caption}</caption>
          <thead>
            <tr>
              {Object.values(strings.columns).map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.recorded.replace("T", " ").replace(/\.\d+Z$/, "")}</th>
                <td>{row.agents.map((agent) => (agent.display ? `${agent.display} (${agent.id})` : agent.id)).join(" via ")}</td>
                <td>{row.event}</td>
                <td>{row.patientIds.join(", ")}</td>
                <td>{strings.outcomeLabels[row.outcome] ?? row.outcome}</td>
                <td>{row.address ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={strings.pagerLabel}>
        {search.page > 1 && <Link href={pageHref(search.page - 1)}>{strings.previous}</Link>} <span>{strings.pageStatus(search.page)}</span>{" "}
        {hasNext && <Link href={pageHref(search.page + 1)}>{strings.next}</Link>}
      </nav>
    </>
  );
}
