import { coverageStrings } from "@/components/member/coverage/strings";

/** Shown while the coverage page loads the member's plan and claims. */
export default function CoverageLoading(): React.ReactElement {
  return (
    <section className="panel" aria-busy="true">
      <h1>{coverageStrings.heading}</h1>
      <p role="status">{coverageStrings.loading}</p>
    </section>
  );
}
