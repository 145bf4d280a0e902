import type { Metadata } from "next";

import { SqlConsole } from "@/components/admin/sql/sql-console";
import { sqlConsoleStrings as strings } from "@/components/admin/sql/strings";
import { CONSOLE_SCHEMA } from "@/lib/analytics/sql/analyst-query-limits";
import { listAnalyticsTables } from "@/lib/analytics/sql/list-analytics-tables";
import { requireRole } from "@/lib/auth/require-session";
import { getDatabase } from "@/lib/db/get-database";

export const metadata: Metadata = { title: strings.pageTitle };

/** Lets an administrator run read-only SQL over the analytics tables, listed with their columns. */
export default async function SqlConsolePage(): Promise<React.ReactElement> {
  await requireRole("admin");
  const tables = await listAnalyticsTables((await getDatabase()).sql, CONSOLE_SCHEMA);

  return (
    <>
      <h1>{strings.heading}</h1>
      <p>{strings.intro}</p>
      <SqlConsole />
      <section aria-labelledby="sql-tables-heading">
        <h2 id="sql-tables-heading">{strings.tablesHeading}</h2>
        {tables.length === 0 && <p>{strings.noTables}</p>}
        {tables.map((table) => (
          <details key={table.name}>
            <summary>{table.name}</summary>
            <ul>
              {table.columns.map((column) => (
                <li key={column.name}>
                  <code>{column.name}</code> {column.type}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </section>
    </>
  );
}
