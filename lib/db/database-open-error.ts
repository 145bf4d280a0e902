/**
 * The configured database cannot be opened: the settings are wrong, the server is unreachable or
 * another process has the PGlite folder open. Commands print its message alone, without a stack,
 * because it names the setting and the fix.
 */
export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseOpenError";
  }
}
