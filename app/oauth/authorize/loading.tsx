import { smartStrings } from "@/components/smart/strings";

export default function AuthorizeLoading(): React.ReactElement {
  return (
    <section className="panel narrow" aria-busy="true">
      <p role="status">{smartStrings.loading}</p>
    </section>
  );
}
