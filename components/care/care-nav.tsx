"use client";

import { SectionNav } from "@/components/ui/section-nav";

import { careStrings } from "./strings";

const links = [
  { href: "/care", label: careStrings.nav.worklist, alsoCurrentUnder: ["/care/members"] },
  { href: "/care/evidence", label: careStrings.nav.evidence },
  { href: "/care/insights", label: careStrings.nav.insights },
] as const;

/** Renders the care manager section's navigation; a member's page counts as the worklist's. */
export function CareNav(): React.ReactElement {
  return <SectionNav label={careStrings.nav.label} links={links} />;
}
