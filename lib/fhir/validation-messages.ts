import type { ElementRule } from "./r4-element-index";
import type { ExpandedValueSet } from "./value-set-expander";

const SHOWN_LENGTH = 60;
const LISTED_TYPES = 6;
const LISTED_CODES = 12;

/** Formats the value as JSON, cut to SHOWN_LENGTH characters: "1970-13-01" keeps its quotes. */
function showValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > SHOWN_LENGTH ? `${json.slice(0, SHOWN_LENGTH - 1)}…` : json;
}

/** Names the JSON kind of a value for type mismatch messages: "a string", "an array", "null". */
function jsonKindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/**
 * Builds the diagnostics of validation issues. Each names the element, the value sent, what R4
 * expects and the fix. They echo up to 60 characters of the submitted value, so log the error
 * code, never these texts.
 */
export const validationMessages = {
  notAResource(value: unknown, expression: string | undefined): string {
    const subject = expression ?? "The request body";
    return `${subject} is ${jsonKindOf(value)}, not a FHIR resource. Send a JSON object with a "resourceType" such as "Patient".`;
  },

  missingResourceType(expression: string | undefined): string {
    const subject = expression ?? "The resource";
    return `${subject} has no "resourceType". Add "resourceType" with an R4 resource type such as "Patient".`;
  },

  unknownResourceType(resourceType: unknown): string {
    return `resourceType ${showValue(resourceType)} is not an R4 resource type. Use a type from FHIR R4, such as "Patient", with the same capitals.`;
  },

  invalidPrimitive(expression: string, value: unknown, type: string, fix: string): string {
    return `${expression} ${showValue(value)} is not a valid FHIR ${type}. ${fix}.`;
  },

  codeNotInValueSet(expression: string, value: unknown, valueSet: ExpandedValueSet): string {
    const codes = [...valueSet.codes];
    const shown = codes.slice(0, LISTED_CODES).join(", ");
    const more = codes.length > LISTED_CODES ? `, and ${codes.length - LISTED_CODES} more listed in ${valueSet.url}` : "";
    return `${expression} ${showValue(value)} is not in the required value set ${valueSet.name}. Use one of: ${shown}${more}.`;
  },

  notAnObject(expression: string, value: unknown, type: string): string {
    return `${expression} ${showValue(value)} is ${jsonKindOf(value)}, but a FHIR ${type} is a JSON object. Send it as { ... } with ${type} elements.`;
  },

  emptyObject(expression: string): string {
    return `${expression} is an empty object. Remove it, or give it a value or child elements.`;
  },

  nullValue(expression: string): string {
    return `${expression} is null. Leave the element out instead, because FHIR JSON has no null values.`;
  },

  notAnArray(expression: string, value: unknown, rule: ElementRule): string {
    return `${expression} ${showValue(value)} is a single value, but the element repeats (${cardinalityOf(rule)}). Wrap the value in a JSON array.`;
  },

  unexpectedArray(expression: string, rule: ElementRule): string {
    return `${expression} is an array, but the element takes one value (${cardinalityOf(rule)}). Send the value without the array.`;
  },

  emptyArray(expression: string): string {
    return `${expression} is an empty array. Leave the element out, or give it at least one value.`;
  },

  tooManyValues(expression: string, count: number, rule: ElementRule): string {
    return `${expression} has ${count} values, but the element takes at most ${rule.max} (${cardinalityOf(rule)}). Remove the extra values.`;
  },

  missingRequired(expression: string, rule: ElementRule): string {
    const what = rule.properties.length > 1 ? `one of ${listProperties(rule.properties)}` : "it";
    return `${expression} is required (${cardinalityOf(rule)}) but missing. Add ${what}.`;
  },

  severalChoices(expression: string, present: string[]): string {
    return `${expression} has values in ${present.join(" and ")}, but it takes one type only. Keep one of them.`;
  },

  /** Names the unknown property and, when it resembles one, the property that was probably meant. */
  unknownElement(expression: string, property: string, owner: string, known: ReadonlyMap<string, ElementRule>): string {
    const sameLetters = [...known.keys()].find((name) => name.toLowerCase() === property.toLowerCase());
    const choice = [...known.values()].find((rule) => rule.isChoice && property.startsWith(choiceBaseName(rule)));
    const hint = sameLetters
      ? ` Did you mean "${sameLetters}"?`
      : choice
        ? ` ${choiceBaseName(choice)}[x] takes ${listProperties(choice.properties)}.`
        : " Remove it, or carry extra data in an extension.";
    return `${expression} is not an element of ${owner}.${hint}`;
  },

  tooManyIssues(limit: number): string {
    return `Validation stopped after ${limit} issues. Fix these and send the resource again to see the rest.`;
  },
};

function cardinalityOf(rule: ElementRule): string {
  return `cardinality ${rule.min}..${rule.max === Infinity ? "*" : rule.max}`;
}

function choiceBaseName(rule: ElementRule): string {
  return rule.path.slice(rule.path.lastIndexOf(".") + 1, -3);
}

function listProperties(properties: readonly string[]): string {
  const shown = properties.slice(0, LISTED_TYPES).join(", ");
  return properties.length > LISTED_TYPES ? `${shown} and ${properties.length - LISTED_TYPES} more` : shown;
}
