import { careGapsStrings } from "@/components/member/care-gaps/strings";

/** Shown while the care gaps load. */
export default function CareGapsLoading(): React.ReactElement {
  return (
    <section className="panel" aria-busy="true">
      <h1>{careGapsStrings.heading}</h1>
      <p role="status">{careGapsStrings.loading}</p>
    </section>
  );
}
