/** Renders the message a section shows when the record has nothing for it. */
export function EmptyState({ children }: { children: React.ReactNode }): React.ReactElement {
  return (
    <div className="empty-state">
      <p>{children}</p>
    </div>
  );
}
