/**
 * Renders a titled box for empty states and notices; `headingLevel` keeps the page outline in
 * order.
 */
export function MessagePanel({
  title,
  children,
  headingLevel = 2,
}: {
  title: string;
  children: React.ReactNode;
  headingLevel?: 1 | 2;
}): React.ReactElement {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section className="panel message-panel">
      <Heading>{title}</Heading>
      {children}
    </section>
  );
}
