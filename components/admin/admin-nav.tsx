"use client";

import { staffStrings } from "@/components/staff/strings";
import { SectionNav } from "@/components/ui/section-nav";

const text = staffStrings.adminNav;

const links = [
  { href: "/admin", label: text.home },
  { href: "/admin/dashboard", label: text.dashboard },
  { href: "/admin/sql", label: text.sql },
  { href: "/admin/imports", label: text.imports },
  { href: "/admin/audit", label: text.audit },
  { href: "/admin/panels", label: text.panels },
] as const;

/** Renders the administration section's navigation. */
export function AdminNav(): React.ReactElement {
  return <SectionNav label={text.label} links={links} />;
}
