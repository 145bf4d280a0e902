import type { ProfileView } from "@/lib/profile/profile-view";

import { profileStrings } from "./strings";

/** Renders the profile as read-only facts, for a record shared with the member for viewing only. */
export function ProfileDetails({ profile }: { profile: ProfileView }): React.ReactElement {
  const address = [profile.line1, profile.line2, [profile.city, profile.state, profile.postalCode].filter(Boolean).join(" ")]
    .filter((part) => part !== "")
    .join(", ");
  const facts: [string, string][] = [
    [profileStrings.labels.phone, profile.phone],
    [profileStrings.labels.email, profile.email],
    [profileStrings.addressLegend, address],
    [profileStrings.labels.language, profileStrings.languages[profile.language]],
    [profileStrings.contactMethodFact, profileStrings.contactMethods[profile.contactMethod]],
  ];

  return (
    <section className="panel" aria-label={profileStrings.heading}>
      <p>{profileStrings.readOnlyNote}</p>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || profileStrings.notRecorded}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
