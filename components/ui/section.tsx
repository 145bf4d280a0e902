/**
 * Renders a titled card: a region named by its h2, on the surface color with the standard
 * padding. `headingId` must be unique on the page, because it names the region.
 */
export function Section({
  title,
  headingId,
  className,
  children,
}: {
  title: string;
  headingId: string;
  className?: string;
  children: React.ReactNode;
}): React.ReactElement {
  return (
    <section className={className ? `panel ${className}` : "panel"} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
