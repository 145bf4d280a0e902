import { FhirError, type FhirErrorIssue } from "../fhir/fhir-error";
import { inputFormatOf } from "./input-format-of";
import { readMessagesInput, type MessagesInput } from "./message/read-messages-input";
import { isRecord } from "./is-record";
import { parseJson } from "./parse-json";

/** The processing mode of a bundle's entries: all or nothing (transaction), or each on its own. */
export type BundleMode = "transaction" | "batch" | "collection";

/** A file read as one Bundle. */
export interface BundleInput {
  kind: "bundle";
  mode: BundleMode;
  entries: unknown[];
}

/** A resource to store as it is, or the reason a line yielded none. */
export type ResourceItem = { line?: number; value: unknown } | { line: number; issue: FhirErrorIssue };

/** A file read as loose resources: one single-resource JSON file, or the lines of an NDJSON file. */
export interface ResourcesInput {
  kind: "resources";
  items: ResourceItem[];
}

export type ParsedInput = BundleInput | ResourcesInput | MessagesInput;

// searchset and document bundles carry stored resources with no request, like collections.
const bundleModes: Record<string, BundleMode> = {
  transaction: "transaction",
  batch: "batch",
  collection: "collection",
  searchset: "collection",
  document: "collection",
};

/**
 * Reads the text of one import file. NDJSON (by extension .ndjson or .jsonl) is read line by
 * line, and HL7 v2 and X12 files (see inputFormatOf) as messages converted to FHIR. Other files
 * are one JSON value that is a Bundle or a single resource. Throws FhirError "invalid" when
 * the file as a whole is empty or blank, not JSON, not a FHIR resource, or a Bundle of a type the
 * import does not apply or with no entries.
 */
export function parseInputFile(filePath: string, text: string): ParsedInput {
  if (text.trim() === "") {
    throw new FhirError("invalid", "File is empty, so it contains no FHIR resource. Export the data again, or leave the file out of the import.");
  }
  const format = inputFormatOf(filePath);
  if (format === "ndjson") {
    return { kind: "resources", items: parseNdjson(text) };
  }
  if (format === "hl7v2" || format === "x12") {
    return readMessagesInput(format, text);
  }

  const value = parseJson(text, "File");
  if (!isRecord(value) || typeof value.resourceType !== "string") {
    throw new FhirError("invalid", `File is JSON but not a FHIR resource: expected an object with a resourceType, found ${describeJsonValue(value)}.`);
  }
  if (value.resourceType === "Bundle") {
    return readBundle(value);
  }
  return { kind: "resources", items: [{ value }] };
}

function readBundle(bundle: Record<string, unknown>): BundleInput {
  const type = typeof bundle.type === "string" ? bundle.type : "(none)";
  const mode = bundleModes[type];
  if (!mode) {
    throw new FhirError("invalid", [
      {
        diagnostics: `Bundle type "${type}" cannot be imported; the import applies transaction, batch, collection, searchset and document bundles.`,
        expression: "Bundle.type",
      },
    ]);
  }
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) {
    throw new FhirError("invalid", [{ diagnostics: "Bundle.entry is not an array; a Bundle lists its entries in an array.", expression: "Bundle.entry" }]);
  }
  // Like an empty file, a Bundle without entries is rejected, so the file is not recorded as finished.
  if (bundle.entry === undefined || bundle.entry.length === 0) {
    throw new FhirError("invalid", "Bundle has no entries, so it contains no resource to import.");
  }
  return { kind: "bundle", mode, entries: bundle.entry };
}

/** Splits NDJSON into one item per non-blank line; a line that is not JSON becomes an issue with its line number. */
function parseNdjson(text: string): ResourceItem[] {
  const items: ResourceItem[] = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]?.trim() ?? "";
    if (line === "") continue;
    try {
      items.push({ line: index + 1, value: parseJson(line, "Line") });
    } catch (error) {
      if (!(error instanceof FhirError)) throw error;
      items.push({ line: index + 1, issue: error.issues[0] ?? { diagnostics: error.message } });
    }
  }
  return items;
}

function describeJsonValue(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (isRecord(value)) return "an object without a resourceType";
  return value === null ? "null" : `a ${typeof value}`;
}
