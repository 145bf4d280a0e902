import { describe, expect, it } from "vitest";
import type { SimplePath } from "./parse-simple-path";
import { parseSimplePath } from "./parse-simple-path";

describe("parseSimplePath", () => {
  it.each<[string, SimplePath]>([
    ["Patient.name.given", { root: "Patient", steps: [{ kind: "field", name: "name" }, { kind: "field", name: "given" }] }],
    ["(Observation.value as Quantity)", { root: "Observation", steps: [{ kind: "field", name: "value" }, { kind: "ofType", typeName: "Quantity" }] }],
    ["Observation.value.as(Quantity)", { root: "Observation", steps: [{ kind: "field", name: "value" }, { kind: "ofType", typeName: "Quantity" }] }],
    ["Condition.onset.ofType(FHIR.Age)", { root: "Condition", steps: [{ kind: "field", name: "onset" }, { kind: "ofType", typeName: "Age" }] }],
    [
      "(Observation.value.ofType(CodeableConcept)).text",
      { root: "Observation", steps: [{ kind: "field", name: "value" }, { kind: "ofType", typeName: "CodeableConcept" }, { kind: "field", name: "text" }] },
    ],
    ["Task.for.where(resolve() is Patient)", { root: "Task", steps: [{ kind: "field", name: "for" }, { kind: "whereResolveIs", typeName: "Patient" }] }],
    [
      "Patient.telecom.where(system='email')",
      { root: "Patient", steps: [{ kind: "field", name: "telecom" }, { kind: "whereEquals", field: "system", literal: "email" }] },
    ],
  ])("parses %s", (expression, expected) => {
    const path = parseSimplePath(expression);

    expect(path).toEqual(expected);
  });

  it.each([
    "Patient.deceased.exists() and Patient.deceased != false",
    "Patient.name.first()",
    "Patient.name[0]",
    "(Patient.name) | (Patient.alias)",
    "Observation.value.ofType(Quantity) + 1",
    "Bundle.entry[0].resource",
  ])("leaves %s to fhirpath.js", (expression) => {
    const path = parseSimplePath(expression);

    expect(path).toBeUndefined();
  });
});
