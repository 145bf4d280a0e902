/**
 * Renders a data table inside a scroll region; `children` are the body rows. The region is
 * focusable and named by `label`, so keyboard users can scroll a wide table. The caption repeats
 * the label for screen readers and shows only with `captionVisible`.
 */
export function DataTable({
  label,
  columns,
  busy,
  captionVisible = false,
  children,
}: {
  label: string;
  columns: readonly string[];
  busy?: boolean;
  captionVisible?: boolean;
  children: React.ReactNode;
}): React.ReactElement {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {/* The class name predates DataTable: the claims list was the first table to use it. */}
      <table className="claims-table" aria-busy={busy}>
        <caption className={captionVisible ? undefined : "visually-hidden"}>{label}</caption>
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
