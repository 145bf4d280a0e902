import type { Metadata } from "next";

import { staffStrings } from "@/components/staff/strings";
import { MessagePanel } from "@/components/ui/message-panel";
import { requireRole } from "@/lib/auth/require-session";

export const metadata: Metadata = { title: staffStrings.careTitle };

/** Placeholder home for care managers until the panel page exists; it shows no patient data. */
export default async function CarePage(): Promise<React.ReactElement> {
  const user = await requireRole("care_manager");

  return (
    <MessagePanel title={staffStrings.welcome(user.name)} headingLevel={1}>
      <p>{staffStrings.careBody}</p>
    </MessagePanel>
  );
}
