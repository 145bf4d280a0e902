import type { CodeableConcept } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { toConceptText } from "./to-concept-text";

describe("toConceptText", () => {
  const cases: { name: string; concept: CodeableConcept | undefined; expected: string | null }[] = [
    { name: "prefers the concept's text", concept: { text: " Diabetes ", coding: [{ display: "Diabetes mellitus type 2" }] }, expected: "Diabetes" },
    { name: "falls back to the first display", concept: { coding: [{ code: "x" }, { display: "Epilepsy" }] }, expected: "Epilepsy" },
    { name: "names a known system with the code", concept: { coding: [{ system: "http://snomed.info/sct", code: "44054006" }] }, expected: "SNOMED CT 44054006" },
    { name: "keeps an unknown system's URI", concept: { coding: [{ system: "urn:example:codes", code: "A1" }] }, expected: "urn:example:codes A1" },
    { name: "shows a bare code without system", concept: { coding: [{ code: "A1" }] }, expected: "A1" },
    { name: "returns null for blank text and no code", concept: { text: "  ", coding: [{ display: " " }] }, expected: null },
    { name: "returns null for no concept", concept: undefined, expected: null },
  ];

  it.each(cases)("$name", ({ concept, expected }) => {
    expect(toConceptText(concept)).toBe(expected);
  });
});
