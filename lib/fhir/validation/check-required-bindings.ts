import { isJsonObject } from "../is-json-object";
import type { ValueSetExpander } from "../value-set-expander";
import type { ResolvedProfile } from "./ig-catalog";
import type { BoundValue } from "./collect-bound-values";
import type { ValidationIssue } from "./validation-report";

/** Maximum number of allowed codes a message lists before it gives the count of the rest. */
const listedCodes = 10;

/**
 * Checks the values at a profile's required bindings against the bound ValueSets, expanded
 * offline from the loaded packages and base R4. A Coding or CodeableConcept passes when one of its
 * codes is in the ValueSet. Codes are compared without their system, because the expansion lists
 * codes only. A ValueSet that cannot be expanded offline (one that includes all of SNOMED CT,
 * LOINC, RxNorm or another external system, or one that no loaded package defines) yields one
 * information issue, so the binding is visibly unchecked rather than passed.
 */
export function checkRequiredBindings(boundValues: ReadonlyMap<string, BoundValue[]>, valueSets: ValueSetExpander, profile: ResolvedProfile): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [valueSet, values] of boundValues) {
    const expansion = valueSets.expand(valueSet);
    if (expansion === undefined) {
      const paths = [...new Set(values.map((value) => value.path))].join(", ");
      issues.push({
        severity: "information",
        code: "not-supported",
        expression: values[0]?.path,
        diagnostics: `${paths} has a required binding to ${valueSet} in ${profile.canonical}, which cannot be expanded offline (it draws on an external code system, or no loaded package defines it), so its codes were not checked.`,
        rule: `binding not checked ${valueSet}`,
      });
      continue;
    }

    for (const value of values) {
      const codes = codesOf(value);
      if (codes.some((code) => expansion.codes.has(code))) continue;
      const allowed = [...expansion.codes].slice(0, listedCodes).join(", ");
      const more = expansion.codes.size > listedCodes ? ` and ${expansion.codes.size - listedCodes} more` : "";
      const found = codes.length > 0 ? `code ${codes.map((code) => `"${code}"`).join(", ")}` : "no code";
      issues.push({
        severity: profile.enforced ? "error" : "warning",
        code: "code-invalid",
        expression: value.path,
        diagnostics: `${value.path} has ${found}, but ${profile.canonical} requires a code from ValueSet ${expansion.name} (${expansion.url}); use one of ${allowed}${more}.`,
        rule: `${profile.definition.name ?? profile.definition.id}|${profile.definition.version ?? ""} binding ${expansion.url}`,
      });
    }
  }
  return issues;
}

/** Lists the codes a bound value carries: a code itself, a Coding's or Quantity's code, or a CodeableConcept's codings. */
function codesOf(bound: BoundValue): string[] {
  const { value } = bound;
  if (typeof value === "string") return [value];
  if (!isJsonObject(value)) return [];
  if (Array.isArray(value.coding)) {
    return value.coding.flatMap((coding) => (isJsonObject(coding) && typeof coding.code === "string" ? [coding.code] : []));
  }
  return typeof value.code === "string" ? [value.code] : [];
}
