import type { CodeSystem, FhirResource, ValueSet, ValueSetComposeInclude } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { ValueSetExpander } from "./value-set-expander";

const colors = {
  resourceType: "CodeSystem",
  url: "http://example.org/colors",
  status: "active",
  content: "complete",
  concept: [
    { code: "red", concept: [{ code: "crimson", concept: [{ code: "carmine" }] }] },
    { code: "blue" },
  ],
} satisfies CodeSystem;

const shapes = { ...colors, url: "http://example.org/shapes", content: "fragment", concept: [{ code: "circle" }] } satisfies CodeSystem;

function valueSet(id: string, include: ValueSetComposeInclude[], exclude?: ValueSetComposeInclude[]): ValueSet {
  return { resourceType: "ValueSet", id, url: `http://example.org/ValueSet/${id}`, status: "active", compose: { include, ...(exclude ? { exclude } : {}) } };
}

const resources: FhirResource[] = [
  colors,
  shapes,
  valueSet("colors", [{ system: colors.url }]),
  valueSet("mixed", [{ system: colors.url, concept: [{ code: "blue" }] }, { system: "http://example.org/unlisted", concept: [{ code: "x-1" }] }]),
  valueSet("filtered", [{ system: colors.url, filter: [{ property: "concept", op: "is-a", value: "red" }] }]),
  valueSet("nested", [{ valueSet: ["http://example.org/ValueSet/colors"] }]),
  valueSet("excluding", [{ system: colors.url }], [{ system: colors.url, concept: [{ code: "blue" }] }]),
  valueSet("fragment", [{ system: shapes.url }]),
  valueSet("unknown-system", [{ system: "http://example.org/unknown" }]),
  { resourceType: "ValueSet", id: "no-compose", url: "http://example.org/ValueSet/no-compose", status: "active" },
];

const expander = new ValueSetExpander(resources);

describe("ValueSetExpander", () => {
  it("expands every concept of a code system tree", () => {
    const expanded = expander.expand("http://example.org/ValueSet/colors");

    expect(expanded?.name).toBe("colors");
    expect(expanded?.url).toBe("http://example.org/ValueSet/colors");
    expect([...(expanded?.codes ?? [])]).toEqual(["red", "crimson", "carmine", "blue"]);
  });

  it("joins explicit concept lists of several systems", () => {
    const expanded = expander.expand("http://example.org/ValueSet/mixed");

    expect([...(expanded?.codes ?? [])]).toEqual(["blue", "x-1"]);
  });

  it("ignores a version suffix", () => {
    const expanded = expander.expand("http://example.org/ValueSet/colors|4.0.1");

    expect(expanded?.codes.has("carmine")).toBe(true);
  });

  it.each([
    ["a filter", "filtered"],
    ["an included value set", "nested"],
    ["an exclude", "excluding"],
    ["a fragment code system", "fragment"],
    ["a code system it was not given", "unknown-system"],
    ["no compose", "no-compose"],
    ["an unknown URL", "missing"],
  ])("leaves a value set with %s unexpanded", (_, id) => {
    expect(expander.expand(`http://example.org/ValueSet/${id}`)).toBeUndefined();
  });
});
