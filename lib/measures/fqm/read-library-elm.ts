import type { Library } from "fhir/r4";

import { isJsonObject } from "@/lib/fhir/is-json-object";

/** The parts of a Library's ELM JSON that the loader reads: its identifier, the libraries it includes and the ValueSets it declares. */
export interface LibraryElmSummary {
  name: string;
  version: string | undefined;
  /** Included libraries by CQL name (the last segment of the ELM `path`) and version. */
  includes: { name: string; version: string | undefined }[];
  /** Canonical URLs of the ValueSets the ELM declares with `valueset "…": '<url>'`. */
  valueSetUrls: string[];
}

export const elmJsonContentType = "application/elm+json";

/**
 * Decodes the ELM JSON attachment of a Library. Returns undefined when the Library has no
 * `application/elm+json` content, because fqm-execution runs ELM JSON only (not CQL or ELM XML).
 * Throws when the attachment is not ELM JSON.
 */
export function readLibraryElm(library: Library): LibraryElmSummary | undefined {
  const attachment = library.content?.find((content) => content.contentType === elmJsonContentType && content.data);
  if (!attachment?.data) return undefined;

  const elm: unknown = JSON.parse(Buffer.from(attachment.data, "base64").toString("utf8"));
  const elmLibrary = isJsonObject(elm) ? elm.library : undefined;
  if (!isJsonObject(elmLibrary) || !isJsonObject(elmLibrary.identifier) || typeof elmLibrary.identifier.id !== "string") {
    throw new Error(`its ${elmJsonContentType} content has no library.identifier.id`);
  }

  return {
    name: elmLibrary.identifier.id,
    version: optionalString(elmLibrary.identifier.version),
    includes: definitionsOf(elmLibrary.includes).flatMap((include) =>
      typeof include.path === "string" ? [{ name: include.path.slice(include.path.lastIndexOf("/") + 1), version: optionalString(include.version) }] : [],
    ),
    valueSetUrls: definitionsOf(elmLibrary.valueSets).flatMap((valueSet) => (typeof valueSet.id === "string" ? [valueSet.id] : [])),
  };
}

function definitionsOf(section: unknown): Record<string, unknown>[] {
  const definitions = isJsonObject(section) ? section.def : undefined;
  return Array.isArray(definitions) ? definitions.filter(isJsonObject) : [];
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
