import type { Metadata } from "next";
import Link from "next/link";

import { staffStrings } from "@/components/staff/strings";
import { MessagePanel } from "@/components/ui/message-panel";
import { requireRole } from "@/lib/auth/require-session";

export const metadata: Metadata = { title: staffStrings.adminTitle };

/** Renders the administrators' home: the admin sections with what each is for, and how to create accounts. */
export default async function AdminPage(): Promise<React.ReactElement> {
  const user = await requireRole("admin");

  return (
    <MessagePanel title={staffStrings.welcome(user.name)} headingLevel={1}>
      <ul>
        {staffStrings.adminSections.map((section) => (
          <li key={section.href}>
            <Link href={section.href}>{section.label}</Link>: {section.about}
          </li>
        ))}
      </ul>
      <p>
        {staffStrings.adminBody} <code>npm run accounts</code>.
      </p>
    </MessagePanel>
  );
}
