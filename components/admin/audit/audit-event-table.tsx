import Link from "next/link";

import { DataTable } from "@/components/ui/data-table";
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
      <DataTable label={strings.caption} columns={Object.values(strings.columns)} captionVisible>
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
      </DataTable>
      <nav aria-label={strings.pagerLabel}>
        {search.page > 1 && <Link href={pageHref(search.page - 1)}>{strings.previous}</Link>} <span>{strings.pageStatus(search.page)}</span>{" "}
        {hasNext && <Link href={pageHref(search.page + 1)}>{strings.next}</Link>}
      </nav>
    </>
  );
}
