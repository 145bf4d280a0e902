const COMBINING_MARKS = /\p{M}/gu;
const WHITESPACE_RUNS = /\s+/g;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * Normalizes text for string search: lower case, accents stripped (NFD, then combining marks
 * removed), whitespace runs collapsed to one space and trimmed. "  José  Gómez " → "jose gomez".
 */
export function normalizeSearchString(value: string): string {
  const decomposed = PLAIN_ASCII.test(value) ? value : value.normalize("NFD").replace(COMBINING_MARKS, "");
  return decomposed.toLowerCase().replace(WHITESPACE_RUNS, " ").trim();
}
