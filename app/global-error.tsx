"use client";

import { errorDigestOf } from "@/components/ui/error-digest-of";
import { uiStrings } from "@/components/ui/strings";

/**
 * Renders the error page when the root layout itself fails, for example when the database is
 * unreachable.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }): React.ReactElement {
  const digest = errorDigestOf(error);

  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem" }}>
        <title>{`${uiStrings.errorTitle} · ${uiStrings.appName}`}</title>
        <h1>{uiStrings.errorTitle}</h1>
        <p>{uiStrings.errorBody}</p>
        {digest && (
          <p>
            {uiStrings.errorReference} <code>{digest}</code>
          </p>
        )}
        <button type="button" onClick={() => retry()}>
          {uiStrings.tryAgain}
        </button>
      </body>
    </html>
  );
}
