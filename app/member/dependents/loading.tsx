import { dependentsStrings } from "@/components/member/dependents/strings";

/** Shown while the family list loads. */
export default function DependentsLoading(): React.ReactElement {
  return (
    <section className="panel" aria-busy="true">
      <h1>{dependentsStrings.heading}</h1>
      <p role="status">{dependentsStrings.loading}</p>
    </section>
  );
}
