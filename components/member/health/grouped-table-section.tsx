import { EmptyState } from "./empty-state";
import { HealthTable } from "./health-table";

/** Renders one group of a split list (active conditions, past medications) as a titled panel with a table, or its empty message. */
export function GroupedTableSection(props: { id: string; heading: string; caption: string; empty: string; columns: readonly string[]; rowCount: number; children: React.ReactNode }): React.ReactElement {
  return (
    <section className="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      {props.rowCount === 0 ? (
        <EmptyState>{props.empty}</EmptyState>
      ) : (
        <HealthTable caption={props.caption} captionHidden columns={props.columns}>
          {props.children}
        </HealthTable>
      )}
    </section>
  );
}
