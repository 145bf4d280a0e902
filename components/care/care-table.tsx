/**
 * Renders a scrollable data table with a hidden caption and a header row; `children` are the
 * body rows. The scroll region is focusable and named, so keyboard users can scroll it.
 */
export function CareTable({ label, columns, busy, children }: { label: string; columns: readonly string[]; busy?: boolean; children: React.ReactNode }): React.ReactElement {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="claims-table" aria-busy={busy}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
