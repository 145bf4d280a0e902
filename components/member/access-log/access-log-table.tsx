import Link from "next/link";

import type { RecordAccessPage, RecordAccessView } from "@/lib/audit/list-record-access";

import { HealthTable } from "../health/health-table";
import styles from "../health/health.module.css";
import { accessLogStrings as strings, formatAccessTime } from "./strings";

/** Renders one page of the access log with links to newer and older pages. */
export function AccessLogTable({ log, basePath }: { log: RecordAccessPage; basePath: string }): React.ReactElement {
  if (log.entries.length === 0 && log.page === 1) {
    return <p>{strings.empty}</p>;
  }

  return (
    <>
      <HealthTable caption={strings.caption} columns={[strings.columns.when, strings.columns.who, strings.columns.what, strings.columns.result]}>
        {log.entries.map((entry) => (
          <tr key={entry.id}>
            <th scope="row">{formatAccessTime(entry.recorded)}</th>
            <td data-label={strings.columns.who}>{describeWho(entry)}</td>
            <td data-label={strings.columns.what}>{strings.events[entry.event] ?? strings.otherEvent}</td>
            <td data-label={strings.columns.result}>{entry.allowed ? strings.allowed : strings.denied}</td>
          </tr>
        ))}
      </HealthTable>
      {(log.page > 1 || log.hasNext) && (
        <nav aria-label={strings.pagerLabel} className={styles.pager}>
          {log.page > 1 && <Link href={`${basePath}?page=${log.page - 1}`}>{strings.previous}</Link>}
          <span>{strings.pageStatus(log.page)}</span>
          {log.hasNext && <Link href={`${basePath}?page=${log.page + 1}`}>{strings.next}</Link>}
        </nav>
      )}
    </>
  );
}

function describeWho(entry: RecordAccessView): string {
  const person = personName(entry.person);
  return entry.appName ? `${person} ${strings.throughApp(entry.appName)}` : person;
}

function personName(person: RecordAccessView["person"]): string {
  switch (person.kind) {
    case "you":
      return strings.you;
    case "person":
      return person.name;
    case "unnamed":
      return strings.unnamed;
  }
}
