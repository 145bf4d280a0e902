/** The SQL console after a run: nothing yet, a result, or an error message. */
export type SqlConsoleState =
  | { status: "idle"; query: string }
  | { status: "done"; query: string; columns: string[]; rows: (string | null)[][]; truncated: boolean }
  | { status: "error"; query: string; message: string };
