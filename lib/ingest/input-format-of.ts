import path from "node:path";

/** The format of an import file: one JSON value, or one resource per line (NDJSON). */
export type InputFormat = "json" | "ndjson";

/** Returns the format a file's extension names: NDJSON for .ndjson and .jsonl, JSON for any other. */
export function inputFormatOf(filePath: string): InputFormat {
  const extension = path.extname(filePath).toLowerCase();
  return extension === ".ndjson" || extension === ".jsonl" ? "ndjson" : "json";
}
