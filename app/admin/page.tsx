import type { Metadata } from "next";

import { staffStrings } from "@/components/staff/strings";
import { MessagePanel } from "@/components/ui/message-panel";
import { requireRole } from "@/lib/auth/require-session";

export const metadata: Metadata = { title: staffStrings.adminTitle };

/** Placeholder home for administrators until the admin tools exist. */
export default async function AdminPage(): Promise<React.ReactElement> {
  const user = await requireRole("admin");

  return (
    <MessagePanel title={staffStrings.welcome(user.name)} headingLevel={1}>
      <p>
        {staffStrings.adminBody} <code>npm run accounts</code>.
      </p>
    </MessagePanel>
  );
}
