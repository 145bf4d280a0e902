import { MessagePanel } from "@/components/ui/message-panel";

import { healthStrings } from "./strings";

/** Renders the notice for an account that names no Patient. */
export function NoRecordPanel(): React.ReactElement {
  return (
    <MessagePanel title={healthStrings.noRecordTitle} headingLevel={1}>
      <p>{healthStrings.noRecordBody}</p>
    </MessagePanel>
  );
}
