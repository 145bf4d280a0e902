"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; the page's print styles leave out navigation and buttons. */
export function PrintButton({ label }: { label: string }): React.ReactElement {
  return (
    <Button onClick={() => window.print()} data-print="hide">
      {label}
    </Button>
  );
}
