import Link from "next/link";

import { MessagePanel } from "@/components/ui/message-panel";
import { uiStrings } from "@/components/ui/strings";

export default function NotFound(): React.ReactElement {
  return (
    <MessagePanel title={uiStrings.notFoundTitle} headingLevel={1}>
      <p>{uiStrings.notFoundBody}</p>
      <Link href="/">{uiStrings.goHome}</Link>
    </MessagePanel>
  );
}
