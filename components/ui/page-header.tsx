/** Renders a page's h1, with an optional line under it that describes the page. */
export function PageHeader({ title, subtitle }: { title: string; subtitle?: string }): React.ReactElement {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {subtitle && <p className="page-subtitle">{subtitle}</p>}
    </div>
  );
}
