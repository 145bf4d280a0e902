"use client";

import { MessagePanel } from "@/components/ui/message-panel";
import { errorDigestOf } from "@/components/ui/error-digest-of";
import { uiStrings } from "@/components/ui/strings";

/**
 * Renders the error page when a page fails. In production Next replaces a server error's message
 * with a digest, which is also in the server log, so the member gets a reference and never the
 * cause.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }): React.ReactElement {
  const digest = errorDigestOf(error);

  return (
    <MessagePanel title={uiStrings.errorTitle} headingLevel={1}>
      <p>{uiStrings.errorBody}</p>
      {digest && (
        <p>
          {uiStrings.errorReference} <code>{digest}</code>
        </p>
      )}
      <button type="button" className="button button-primary" onClick={() => retry()}>
        {uiStrings.tryAgain}
      </button>
    </MessagePanel>
  );
}
