import { claimsStrings } from "@/components/member/claims/strings";

/** Shown while a claim loads on the server. */
export default function ClaimDetailLoading(): React.ReactElement {
  return (
    <>
      <h1>{claimsStrings.detailTitle}</h1>
      <p role="status">{claimsStrings.detailLoading}</p>
    </>
  );
}
