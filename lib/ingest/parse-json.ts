import { FhirError } from "../fhir/fhir-error";

/**
 * Parses JSON text. On failure throws FhirError "invalid" saying that `subject` ("File", "Line")
 * is not valid JSON, without the input snippet that V8 puts in its message: that snippet is file
 * content and may hold health data. The position is kept when V8 gives one.
 */
export function parseJson(text: string, subject: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new FhirError("invalid", `${subject} is not valid JSON (${describeSyntaxError(error)}); fix it or leave it out of the import.`);
  }
}

function describeSyntaxError(error: unknown): string {
  if (!(error instanceof SyntaxError)) return "parse failed";
  return error.message
    .replace(/, ".*is not valid JSON$/s, "")
    .replace(/ in JSON at position (\d+).*$/s, " at character $1");
}
