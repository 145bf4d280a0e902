import { FhirError } from "../../fhir/fhir-error";
import { toLineColumn } from "./read-statement";

/** The fields of a PostgreSQL error that pg and PGlite both expose. */
interface PostgresError {
  code: string;
  message: string;
  position?: string;
  internalPosition?: string;
  internalQuery?: string;
}

/**
 * Turns a database error from an admin's query into a FhirError "invalid" whose message says what
 * failed and how to fix it. `statement` is the query as the admin wrote it, and `tables` the
 * analytics tables to suggest. Errors that did not come from PostgreSQL are returned unchanged.
 */
export function toAnalystQueryError(error: unknown, statement: string, tables: string[], timeoutMs: number): unknown {
  if (!isPostgresError(error)) return error;

  const tableList = tables.length > 0 ? tables.join(", ") : "none yet; run npm run analytics:refresh";
  switch (error.code) {
    case "42601":
      return new FhirError("invalid", `${error.message}${describePosition(error, statement)}; fix the SQL there and run it again.`);
    case "42P01":
      return new FhirError("invalid", `${error.message}${describePosition(error, statement)}. Only the analytics schema is visible; its tables are ${tableList}.`);
    case "42501":
      return new FhirError("forbidden", `${error.message}: only the analytics schema is visible to the SQL console, so query its tables (${tableList}).`);
    case "57014":
      return new FhirError(
        "invalid",
        `The query was canceled because it ran longer than the ${timeoutMs / 1000}-second limit; narrow it with WHERE or LIMIT, or aggregate, and run it again.`,
      );
    case "25006":
      return new FhirError("invalid", `${error.message}: the SQL console only reads, so write a SELECT query.`);
    default:
      return new FhirError("invalid", `${error.message}${describePosition(error, statement)}.`);
  }
}

function isPostgresError(error: unknown): error is PostgresError {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
}

/**
 * Returns " at line L, column C" for errors that carry a position. The query runs inside a wrapper
 * in a PL/pgSQL function, so PostgreSQL reports the position in that wrapper (internalPosition and
 * internalQuery); subtracting where the statement starts in it gives the admin's own position.
 */
function describePosition(error: PostgresError, statement: string): string {
  const offset = error.internalQuery?.indexOf(statement) ?? -1;
  if (error.internalPosition === undefined || offset === -1) return "";

  const position = Number(error.internalPosition) - offset;
  if (position < 1 || position > statement.length + 1) return "";
  const { line, column } = toLineColumn(statement, position);
  return ` at line ${line}, column ${column}`;
}
