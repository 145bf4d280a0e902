import type { ElementDefinition, OperationOutcomeIssue, StructureDefinition } from "fhir/r4";

import type { ResolvedProfile } from "./ig-catalog";
import type { ValidationIssue } from "./validation-report";

const cardinalityText = /^Invalid number of values: expected (\d+)\.\.(\d+|\*), but found (\d+)$/;
const sliceText = /^Incorrect number of values provided for slice '([^']+)': expected (\d+)\.\.(\d+|\*), but found (\d+)$/;
const constraintText = /^Constraint (\S+) not met: (.*)$/s;

/**
 * Rewrites an issue from @medplum/core into a report issue whose diagnostics name the element,
 * the profile and rule, and the fix, and whose rule key groups it with the same finding on other
 * resources. An error of a profile that is not enforced (a default profile the resource does not
 * declare, or a stand-in for a declared version that is not loaded) becomes a warning, because the
 * resource never claimed to meet it.
 */
export function describeProfileIssue(issue: OperationOutcomeIssue, profile: ResolvedProfile): ValidationIssue {
  const path = issue.expression?.[0] ?? profile.definition.type;
  const text = issue.details?.text ?? issue.diagnostics ?? "failed";
  const { diagnostics, rule } = describe(path, text, issue, profile);
  const base = { code: issue.code, expression: path, rule };

  // An invariant or slice the library could not evaluate says nothing about the resource.
  if (rule.endsWith(" slice") && !canMatchSlice(profile.definition, rule)) {
    return {
      ...base,
      severity: "information",
      diagnostics: `${diagnostics} The validator cannot match this slice's discriminator, which goes through nested slices, so the slice was not checked.`,
    };
  }
  if (issue.code === "processing") {
    return { ...base, severity: "warning", diagnostics: `${diagnostics} The validator could not evaluate this rule, so it was not checked.` };
  }
  if (issue.severity !== "error" && issue.severity !== "fatal") {
    return { ...base, severity: issue.severity, diagnostics };
  }
  if (profile.enforced) {
    return { ...base, severity: "error", diagnostics };
  }
  const reason = profile.exactVersion ? "the resource does not declare this profile" : "the resource declares a version of this profile that is not loaded";
  return { ...base, severity: "warning", diagnostics: `${diagnostics} This is a warning because ${reason}.` };
}

function describe(path: string, text: string, issue: OperationOutcomeIssue, profile: ResolvedProfile): { diagnostics: string; rule: string } {
  const name = `${profile.definition.name ?? profile.definition.id}|${profile.definition.version ?? ""}`;
  const elementPath = withoutIndexes(path);

  if (text === "Missing required property") {
    return { diagnostics: `${path} is missing, but ${profile.canonical} requires it (min 1); add the element.`, rule: `${name} ${elementPath} min` };
  }
  const cardinality = cardinalityText.exec(text);
  if (cardinality) {
    const [, min, max, found] = cardinality;
    const fix = Number(found) < Number(min) ? "add values" : "remove values";
    return { diagnostics: `${path} has ${found} values, but ${profile.canonical} allows ${min}..${max}; ${fix} to fit.`, rule: `${name} ${elementPath} cardinality` };
  }
  const slice = sliceText.exec(text);
  if (slice) {
    const [, sliceName, min, max, found] = slice;
    return {
      diagnostics: `${path} has ${found} entries that match slice "${sliceName}", but ${profile.canonical} expects ${min}..${max}; add or remove entries that match the slice's discriminator.`,
      rule: `${name} ${elementPath}:${sliceName} slice`,
    };
  }
  if (text === "Value did not match expected pattern") {
    const expected = expectedValueAt(profile.definition, elementPath);
    const value = expected === undefined ? "" : ` ${JSON.stringify(expected)}`;
    return { diagnostics: `${path} does not match the fixed or pattern value${value} that ${profile.canonical} sets; use the value from the profile.`, rule: `${name} ${elementPath} pattern` };
  }
  const constraint = constraintText.exec(text);
  if (constraint) {
    const [, key, description] = constraint;
    const expression = fhirPathOf(issue);
    return {
      diagnostics: `${path} fails invariant ${key} of ${profile.canonical}: ${description}${expression ? ` (FHIRPath: ${expression})` : ""}; change the element so that the rule holds.`,
      rule: `${name} ${key}`,
    };
  }
  return { diagnostics: `${path}: ${text} (checked against ${profile.canonical}).`, rule: `${name} ${elementPath} ${text.replace(/"[^"]*"/g, "").trim()}` };
}

/**
 * Tells whether @medplum/core can sort values into a slice. For a value or pattern
 * discriminator it needs a fixed or pattern value, or a required binding, on the element the
 * discriminator path names directly under the slice; the R4 vital-sign profiles instead fix the
 * code in a nested slice (`component:SystolicBP.code.coding:SBPCode.code`), which it cannot match.
 */
function canMatchSlice(definition: StructureDefinition, rule: string): boolean {
  const match = /\s(\S+):([^\s]+) slice$/.exec(rule);
  if (!match) return true;
  const [, elementPath, sliceName] = match;
  const elements = definition.snapshot?.element ?? [];
  const sliced = elements.find((element) => element.path === elementPath && element.sliceName === undefined && element.slicing !== undefined);
  const slice = elements.find((element) => element.path === elementPath && element.sliceName === sliceName);
  if (sliced?.slicing?.discriminator === undefined || slice === undefined) return true;

  return sliced.slicing.discriminator.every((discriminator) => {
    if (discriminator.type !== "value" && discriminator.type !== "pattern") return true;
    const target = discriminator.path === "$this" ? slice : elements.find((element) => element.id === `${slice.id}.${discriminator.path}`);
    return target !== undefined && (expectedValueOf(target) !== undefined || target.binding?.strength === "required");
  });
}

/** Returns the fixed[x] or pattern[x] value that a profile sets on an element path, for the message. */
function expectedValueAt(definition: StructureDefinition, elementPath: string): unknown {
  const element = (definition.snapshot?.element ?? []).find((candidate) => candidate.path === elementPath && candidate.sliceName === undefined);
  return element === undefined ? undefined : expectedValueOf(element);
}

function expectedValueOf(element: ElementDefinition): unknown {
  for (const key of Object.keys(element) as (keyof ElementDefinition)[]) {
    if (key.startsWith("fixed") || key.startsWith("pattern")) return element[key];
  }
  return undefined;
}

/** @medplum/core puts the failed expression into diagnostics as JSON: `{"fhirpath":"…"}`. */
function fhirPathOf(issue: OperationOutcomeIssue): string | undefined {
  if (issue.diagnostics === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(issue.diagnostics);
    return typeof parsed === "object" && parsed !== null && "fhirpath" in parsed && typeof parsed.fhirpath === "string" ? parsed.fhirpath : undefined;
  } catch {
    // Diagnostics that are not JSON carry no expression.
    return undefined;
  }
}

function withoutIndexes(path: string): string {
  return path.replace(/\[\d+\]/g, "");
}
