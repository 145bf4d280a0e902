import type { FhirResource } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { hasSampleData, readSampleResources } from "../read-sample-resources";
import { copyText } from "./copy-text";
import { indexCopyTextOf, listIndexRows, type IndexCopyText, type IndexTableRow } from "./replace-search-index";

/** Formats listed rows one value at a time: the plain reading of COPY's text format. */
function formatRows(rows: IndexTableRow[]): IndexCopyText {
  const text: IndexCopyText = {};
  for (const { table, values } of rows) {
    const line = values.map((value) => (typeof value === "number" ? String(value) : copyText(value))).join("\t");
    text[table] = `${text[table] ?? ""}${line}\n`;
  }
  return text;
}

describe("indexCopyTextOf", () => {
  it("escapes tabs and line breaks in values", () => {
    const patient = { resourceType: "Patient", id: "p1", identifier: [{ system: "urn:x", value: "a\\b\tc\nd" }] } as FhirResource;

    const text = indexCopyTextOf(patient);

    expect(text.search_token).toContain("urn:x\ta\\\\b\\tc\\nd\n");
    expect(text).toEqual(formatRows(listIndexRows(patient)));
  });

  it.skipIf(!hasSampleData())("matches the listed rows for every sample resource", () => {
    for (const { file, resource } of readSampleResources()) {
      const fhirResource = resource as FhirResource;
      expect(indexCopyTextOf(fhirResource), `${file} ${resource.resourceType}/${resource.id ?? ""}`).toEqual(formatRows(listIndexRows(fhirResource)));
    }
  });
});
