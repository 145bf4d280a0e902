/** The parts of a caught error that are safe to log. */
export interface ErrorFields {
  errorName: string;
  errorCode?: string;
}

/**
 * Returns an error's class name and its `code` (such as Prisma's "P1001" or Node's
 * "ECONNREFUSED") for a log line. The message and stack are left out because database errors can
 * quote the query's arguments, which may be an email or a member id.
 */
export function toErrorFields(error: unknown): ErrorFields {
  if (!(error instanceof Error)) {
    return { errorName: typeof error };
  }
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === "string" ? { errorName: error.name, errorCode: code } : { errorName: error.name };
}
