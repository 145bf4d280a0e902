import path from "node:path";

/** The format of an import file: one JSON value, one resource per line (NDJSON), HL7 v2 messages, or X12 interchanges. */
export type InputFormat = "json" | "ndjson" | "hl7v2" | "x12";

/** Extensions of X12 files: generic ones and the transaction set numbers that exporters name files after. */
export const x12Extensions = [".x12", ".edi", ".837", ".837i", ".837p", ".835", ".834", ".270", ".271"];

/**
 * Returns the format a file's extension names: NDJSON for .ndjson and .jsonl, HL7 v2 for .hl7,
 * X12 for the X12 extensions and for .txt (which listInputFiles keeps only when it starts with
 * "ISA"), JSON for any other.
 */
export function inputFormatOf(filePath: string): InputFormat {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === ".ndjson" || extension === ".jsonl") return "ndjson";
  if (extension === ".hl7") return "hl7v2";
  if (extension === ".txt" || x12Extensions.includes(extension)) return "x12";
  return "json";
}
