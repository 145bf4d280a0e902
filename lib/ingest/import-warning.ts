import type { ConversionWarning } from "./message/conversion-warning";

/** A value that the import left out of a stored message, with where to find it. */
export interface ImportWarning extends ConversionWarning {
  file: string;
  /** 1-based line of the file where the message starts. */
  line: number;
  /** MSH-10 of an HL7 v2 message, or ST-02 of an X12 transaction set. */
  messageControlId: string;
}

/**
 * Formats a warning as one line: file, line, message control id, field, value and the fix, such as
 * `a.hl7 line 4 message M7: PID-7 "19801345" is not a date as YYYYMMDD …; Patient.birthDate left out. …`.
 */
export function formatWarning(warning: ImportWarning): string {
  return `${warning.file} line ${warning.line} message ${warning.messageControlId || "(no control id)"}: ${describeWarning(warning)}`;
}

/** Describes the value, what was expected, what was stored and the fix, without the location. */
export function describeWarning(warning: ConversionWarning): string {
  const problem = warning.value === "" ? `${warning.field} is empty` : `${warning.field} "${warning.value}" is not ${warning.expected}`;
  const expected = warning.value === "" ? `; expected ${warning.expected}` : "";
  return `${problem}${expected}, so the message was stored with ${warning.outcome}. Correct ${warning.field} at the sender and send the message again.`;
}
