import { MessagePanel } from "@/components/ui/message-panel";

import { chartStrings } from "./strings";

/** Tells the reader that the chart tables have not been built yet, in place of the charts. */
export function ViewsNotBuilt(): React.ReactElement {
  return (
    <MessagePanel title={chartStrings.notBuiltTitle}>
      <p>{chartStrings.notBuiltBody}</p>
    </MessagePanel>
  );
}
