// Characters that COPY's text format gives a meaning: the escape character, and the column and
// row separators.
const specialCharacters = /[\\\t\n\r]/;
const specialCharactersGlobal = /[\\\t\n\r]/g;
const escapes: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * Escapes a value for one column of COPY's text format, so that backslashes, tabs and line
 * breaks in the data stay data. See "File Formats" in the PostgreSQL COPY documentation.
 */
export function copyText(value: string): string {
  return specialCharacters.test(value) ? value.replace(specialCharactersGlobal, (character) => escapes[character] ?? character) : value;
}

/** COPY's text format for NULL. */
export const COPY_NULL = "\\N";

/**
 * Escapes the output of JSON.stringify for COPY's text format. That output has no raw tab or line
 * break, because JSON escapes them, so only backslashes need doubling, and a scan for one is
 * faster than copyText's pattern on bodies of many kilobytes.
 */
export function copyJsonText(json: string): string {
  return json.includes("\\") ? json.replaceAll("\\", "\\\\") : json;
}
