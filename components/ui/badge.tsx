/** Renders a short status label beside other text, such as "Preliminary" or "Principal". */
export function Badge({ children }: { children: React.ReactNode }): React.ReactElement {
  return <span className="badge">{children}</span>;
}
