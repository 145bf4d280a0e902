"use client";

import { SectionNav } from "@/components/ui/section-nav";

import { memberNavStrings } from "./strings";

const links = [
  { href: "/member", label: memberNavStrings.links.home },
  { href: "/member/claims", label: memberNavStrings.links.claims },
  { href: "/member/coverage", label: memberNavStrings.links.coverage },
  { href: "/member/spending", label: memberNavStrings.links.spending },
  { href: "/member/health", label: memberNavStrings.links.health },
  { href: "/member/care-gaps", label: memberNavStrings.links.careGaps },
  { href: "/member/profile", label: memberNavStrings.links.profile },
] as const;

/** Renders the member section's navigation and marks the current page for assistive technology. */
export function MemberNav(): React.ReactElement {
  return <SectionNav label={memberNavStrings.label} links={links} />;
}
