import type { Metadata } from "next";
import Link from "next/link";

import { staffStrings } from "@/components/staff/strings";
import { MessagePanel } from "@/components/ui/message-panel";
import { requireRole } from "@/lib/auth/require-session";

export const metadata: Metadata = { title: staffStrings.adminTitle };

/** Renders the administrators' home: a link to the care panel assignments and how to create accounts. */
export default async function AdminPage(): Promise<React.ReactElement> {
  const user = await requireRole("admin");

  return (
    <MessagePanel title={staffStrings.welcome(user.name)} headingLevel={1}>
      <p>
        <Link href="/admin/panels">{staffStrings.adminPanelsLink}</Link>
      </p>
      <p>
        {staffStrings.adminBody} <code>npm run accounts</code>.
      </p>
    </MessagePanel>
  );
}
