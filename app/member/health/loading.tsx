import { healthStrings } from "@/components/member/health/strings";

/** Shown while a health record page loads its data. */
export default function HealthLoading(): React.ReactElement {
  return (
    <p role="status" className="note">
      {healthStrings.loading}
    </p>
  );
}
