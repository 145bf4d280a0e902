import { profileStrings } from "@/components/member/profile/strings";

/** Shown while the profile loads. */
export default function ProfileLoading(): React.ReactElement {
  return (
    <section className="panel" aria-busy="true">
      <h1>{profileStrings.heading}</h1>
      <p role="status">{profileStrings.loading}</p>
    </section>
  );
}
