import Link from "next/link";

import type { ImportIssueView } from "@/lib/ingest/runs/import-run-views";

import { importStrings as strings } from "./strings";

/** Renders a run's rejections and warnings, each linking to its failed message while that is kept. */
export function ImportIssuesTable({ issues }: { issues: ImportIssueView[] }): React.ReactElement {
  const caption = strings.run.issuesCaption;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="claims-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {Object.values(strings.issueColumns).map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr key={issue.position}>
              <th scope="row" data-label={strings.issueColumns.severity}>
                {strings.severities[issue.severity]}
              </th>
              <td data-label={strings.issueColumns.file}>{issue.filePath || strings.issueColumns.allFiles}</td>
              <td data-label={strings.issueColumns.line}>{issue.line ?? ""}</td>
              <td data-label={strings.issueColumns.controlId}>{issue.messageControlId ?? ""}</td>
              <td data-label={strings.issueColumns.location}>{[issue.resource, issue.location].filter(Boolean).join(" ")}</td>
              <td data-label={strings.issueColumns.code}>{issue.code}</td>
              <td data-label={strings.issueColumns.text}>{issue.text}</td>
              <td data-label={strings.issueColumns.message}>
                <MessageLink issue={issue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MessageLink({ issue }: { issue: ImportIssueView }): React.ReactElement | null {
  if (issue.failedMessageHash) {
    return (
      <Link href={`/admin/imports/failed/${issue.failedMessageHash}`} aria-label={`${strings.run.openMessage}, line ${issue.line ?? ""} of ${issue.filePath}`}>
        {strings.run.openMessage}
      </Link>
    );
  }
  return issue.code === "message-rejected" ? <span>{strings.run.messageGone}</span> : null;
}
