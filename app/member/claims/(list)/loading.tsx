import { claimsStrings } from "@/components/member/claims/strings";

/** Shown while the claims page loads on the server. */
export default function ClaimsLoading(): React.ReactElement {
  return (
    <>
      <h1>{claimsStrings.listTitle}</h1>
      <p role="status">{claimsStrings.loading}</p>
    </>
  );
}
