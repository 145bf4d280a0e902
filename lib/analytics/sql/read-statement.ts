import { FhirError } from "../../fhir/fhir-error";

/** The first words a query may start with; everything else would write, lock or leave the console's wrapper. */
const QUERY_KEYWORDS = new Set(["select", "with", "values", "table", "("]);

/**
 * Checks that `sql` is one query and returns it without trailing semicolons and white space.
 * Leading text is kept, so positions in database errors still point into what the admin typed.
 * Throws FhirError "invalid" for empty input, a second statement, or a statement that is not a
 * query (INSERT, COPY, DO, SET and so on). Quotes, dollar quotes and comments are skipped, so a
 * ";" inside them does not count.
 */
export function readStatement(sql: string): string {
  const tokens = scanTopLevel(sql);
  const statement = sql.slice(0, lastCodeEnd(tokens)).trimEnd();
  const first = tokens.find((token) => token.kind !== "semicolon");
  if (first === undefined) {
    throw new FhirError("invalid", "The SQL is empty; write one SELECT query over the analytics tables.");
  }

  const separator = tokens.find((token) => token.kind === "semicolon" && token.start < statement.length);
  if (separator !== undefined) {
    const { line, column } = toLineColumn(sql, separator.start + 1);
    throw new FhirError("invalid", `The console runs one statement at a time, but a ";" at line ${line}, column ${column} starts a second one; remove it or run the statements one by one.`);
  }

  const keyword = sql.slice(first.start, first.end).toLowerCase();
  if (!QUERY_KEYWORDS.has(keyword)) {
    throw new FhirError("invalid", `The console only runs queries, and "${sql.slice(first.start, first.end)}" does not start one; start with SELECT, WITH, VALUES or TABLE.`);
  }
  return statement;
}

/** Turns a 1-based character position, as PostgreSQL reports it, into a line and column. */
export function toLineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, position - 1));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

interface Token {
  kind: "word" | "semicolon" | "other" | "quoted";
  start: number;
  end: number;
}

/** The end of the last token that is not a ";", so trailing semicolons, spaces and comments go. */
function lastCodeEnd(tokens: Token[]): number {
  const code = tokens.filter((token) => token.kind !== "semicolon");
  return code.at(-1)?.end ?? 0;
}

/** Splits SQL into words, quoted runs, semicolons and other characters, dropping white space and comments. */
function scanTopLevel(sql: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < sql.length) {
    const space = skipSpaceOrComment(sql, index);
    if (space !== undefined) {
      index = space;
      continue;
    }

    const quoted = quotedEnd(sql, index);
    if (quoted !== undefined) {
      tokens.push({ kind: "quoted", start: index, end: quoted });
      index = quoted;
      continue;
    }

    const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(index, index + 64))?.[0];
    if (word !== undefined) {
      tokens.push({ kind: "word", start: index, end: index + word.length });
      index += word.length;
      continue;
    }
    tokens.push({ kind: sql.charAt(index) === ";" ? "semicolon" : "other", start: index, end: index + 1 });
    index += 1;
  }
  return tokens;
}

/** Returns the end of the white space or comment starting at `index`, or undefined when there is none. */
function skipSpaceOrComment(sql: string, index: number): number | undefined {
  if (/\s/.test(sql.charAt(index))) return index + 1;
  if (sql.startsWith("--", index)) {
    const newline = sql.indexOf("\n", index);
    return newline === -1 ? sql.length : newline + 1;
  }
  if (sql.startsWith("/*", index)) {
    // PostgreSQL block comments nest.
    let depth = 0;
    for (let at = index; at < sql.length; at += 1) {
      if (sql.startsWith("/*", at)) {
        depth += 1;
        at += 1;
      } else if (sql.startsWith("*/", at)) {
        depth -= 1;
        at += 1;
        if (depth === 0) return at + 1;
      }
    }
    return sql.length;
  }
  return undefined;
}

/** Returns the end of the string, quoted identifier or dollar-quoted body starting at `index`. */
function quotedEnd(sql: string, index: number): number | undefined {
  const char = sql.charAt(index);
  const escaped = (char === "E" || char === "e") && sql.charAt(index + 1) === "'";
  if (char === "'" || char === '"' || escaped) {
    const quote = escaped ? "'" : char;
    for (let at = index + (escaped ? 2 : 1); at < sql.length; at += 1) {
      const current = sql.charAt(at);
      if (escaped && current === "\\") {
        at += 1;
      } else if (current === quote) {
        if (sql.charAt(at + 1) !== quote) return at + 1;
        at += 1;
      }
    }
    return sql.length;
  }

  const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(index, index + 64))?.[0];
  if (tag !== undefined && !/[A-Za-z0-9_]/.test(sql.charAt(index - 1))) {
    const close = sql.indexOf(tag, index + tag.length);
    return close === -1 ? sql.length : close + tag.length;
  }
  return undefined;
}
