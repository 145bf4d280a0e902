import type { Metadata } from "next";
import Link from "next/link";

import { MessagePanel } from "@/components/ui/message-panel";
import { uiStrings } from "@/components/ui/strings";

export const metadata: Metadata = { title: uiStrings.forbiddenTitle };

export default function ForbiddenPage(): React.ReactElement {
  return (
    <MessagePanel title={uiStrings.forbiddenTitle} headingLevel={1}>
      <p>{uiStrings.forbiddenBody}</p>
      <Link href="/">{uiStrings.goHome}</Link>
    </MessagePanel>
  );
}
