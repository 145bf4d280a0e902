import type { Hl7Delimiters } from "./hl7-message";

/**
 * Replaces the HL7 v2 escape sequences in one value: \F\ \S\ \T\ \R\ \E\ by the
 * separators they stand for, \Xhh…\ by the bytes hh… read as UTF-8, and \.br\ by a line break.
 * Formatting and character-set sequences (\H\ \N\ \Cxxyy\ \Mxxyyzz\ and the other \.xx\ ones)
 * are removed. An unknown or unterminated sequence is kept as it is.
 */
export function unescapeHl7(value: string, delimiters: Hl7Delimiters): string {
  const escape = delimiters.escape;
  if (escape === "" || !value.includes(escape)) return value;

  let result = "";
  let position = 0;
  while (position < value.length) {
    const start = value.indexOf(escape, position);
    const end = start < 0 ? -1 : value.indexOf(escape, start + 1);
    if (start < 0 || end < 0) {
      result += value.slice(position);
      break;
    }
    result += value.slice(position, start);
    const replacement = replaceSequence(value.slice(start + 1, end), delimiters);
    result += replacement ?? value.slice(start, end + 1);
    position = end + 1;
  }
  return result;
}

function replaceSequence(sequence: string, delimiters: Hl7Delimiters): string | undefined {
  switch (sequence) {
    case "F":
      return delimiters.field;
    case "S":
      return delimiters.component;
    case "T":
      return delimiters.subcomponent;
    case "R":
      return delimiters.repetition;
    case "E":
      return delimiters.escape;
    case "H":
    case "N":
      return "";
    case ".br":
      return "\n";
  }
  if (/^X(?:[0-9A-Fa-f]{2})+$/.test(sequence)) {
    return Buffer.from(sequence.slice(1), "hex").toString("utf8");
  }
  if (/^(C[0-9A-Fa-f]{4}|M[0-9A-Fa-f]{4,6}|\.[a-z]{2}[+-]?\d*)$/.test(sequence)) {
    return "";
  }
  return undefined;
}
