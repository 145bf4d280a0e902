"use client";

/** Opens the browser's print dialog; the page's print styles leave out navigation and buttons. */
export function PrintButton({ label }: { label: string }): React.ReactElement {
  return (
    <button type="button" className="button" onClick={() => window.print()} data-print="hide">
      {label}
    </button>
  );
}
