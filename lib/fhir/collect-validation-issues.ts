import { checkPrimitive, isPrimitiveType } from "./check-primitive";
import type { FhirErrorIssue } from "./fhir-error";
import { isJsonObject } from "./is-json-object";
import type { ElementLayout, ElementRule, R4ElementIndex } from "./r4-element-index";
import { getR4ElementIndex } from "./r4-element-index";
import { validationMessages as messages } from "./validation-messages";

/** Validation stops collecting after this many issues, so a wrong payload cannot flood the response. */
export const MAX_VALIDATION_ISSUES = 100;

/**
 * Checks a parsed JSON value against the R4 StructureDefinitions: resourceType, known elements,
 * required elements, single values against arrays, choice elements and primitive formats. It also
 * checks each element of type code that has a required binding against the codes of its value set,
 * where R4ElementIndex could list them. Returns every issue found, each with the FHIRPath of the
 * element, or an empty list for a valid resource. It does not check invariants (constraint
 * expressions), bindings on Coding and CodeableConcept, or profiles.
 */
export function collectValidationIssues(value: unknown): FhirErrorIssue[] {
  const validator = new StructureValidator(getR4ElementIndex());
  validator.validateResource(value, undefined);
  return validator.issues;
}

class StructureValidator {
  readonly issues: FhirErrorIssue[] = [];

  constructor(private readonly index: R4ElementIndex) {}

  validateResource(value: unknown, expression: string | undefined): void {
    if (!isJsonObject(value)) {
      return this.report(expression, messages.notAResource(value, expression));
    }
    const resourceType = value.resourceType;
    if (resourceType === undefined) {
      return this.report(expression, messages.missingResourceType(expression));
    }
    const layout = typeof resourceType === "string" && this.index.resourceTypes.has(resourceType) ? this.index.layouts.get(resourceType) : undefined;
    if (typeof resourceType !== "string" || layout === undefined) {
      return this.report(expression ? `${expression}.resourceType` : "resourceType", messages.unknownResourceType(resourceType));
    }
    this.validateElement(value, layout, expression ?? resourceType, resourceType, true);
  }

  private validateElement(element: Record<string, unknown>, layout: ElementLayout, expression: string, owner: string, isResource = false): void {
    for (const property of Object.keys(element)) {
      if (this.isFull()) return;
      if (isResource && property === "resourceType") continue;

      const value = element[property];
      const primitiveName = property.charCodeAt(0) === UNDERSCORE ? property.slice(1) : undefined;
      const rule = layout.byProperty.get(primitiveName ?? property);
      const type = rule?.types.get(primitiveName ?? property);
      if (rule === undefined || type === undefined || (primitiveName !== undefined && !isPrimitiveType(type))) {
        this.report(`${expression}.${property}`, messages.unknownElement(`${expression}.${property}`, property, owner, layout.byProperty));
      } else if (primitiveName !== undefined) {
        this.validatePrimitiveExtensions(value, rule, `${expression}.${primitiveName}`);
      } else {
        this.validateProperty(value, rule, type, expression, element, property);
      }
    }
    this.checkRequired(element, layout, expression);
    this.checkChoices(element, layout, expression);
  }

  /**
   * Checks cardinality, then each value. A null array item is allowed where `_name` gives its
   * extensions. The element's FHIRPath is built only for an issue or a complex value, because
   * most values are valid primitives.
   */
  private validateProperty(value: unknown, rule: ElementRule, type: string, parent: string, element: Record<string, unknown>, property: string): void {
    const isPrimitive = isPrimitiveType(type);
    if (rule.max <= 1 && value !== null && !Array.isArray(value) && isPrimitive && isValidPrimitive(value, rule, type)) {
      return;
    }

    const expression = childExpression(parent, property, rule, type);
    if (value === null) {
      return this.report(expression, messages.nullValue(expression));
    }
    if (rule.max <= 1 && Array.isArray(value)) {
      return this.report(expression, messages.unexpectedArray(expression, rule));
    }
    if (rule.max <= 1) {
      return this.validateValue(value, rule, type, expression);
    }
    if (!Array.isArray(value)) {
      return this.report(expression, messages.notAnArray(expression, value, rule));
    }
    if (value.length === 0) {
      return this.report(expression, messages.emptyArray(expression));
    }
    if (value.length > rule.max) {
      this.report(expression, messages.tooManyValues(expression, value.length, rule));
    }
    for (let position = 0; position < value.length; position++) {
      const item: unknown = value[position];
      if (item !== null) {
        if (!isPrimitive || !isValidPrimitive(item, rule, type)) this.validateValue(item, rule, type, `${expression}[${position}]`);
        continue;
      }
      const extensions = element[`_${property}`];
      if (!(Array.isArray(extensions) && isJsonObject(extensions[position]))) {
        this.report(`${expression}[${position}]`, messages.nullValue(`${expression}[${position}]`));
      }
    }
  }

  private validateValue(value: unknown, rule: ElementRule, type: string, expression: string): void {
    if (isPrimitiveType(type)) {
      const fix = checkPrimitive(type, value);
      if (fix !== undefined) {
        return this.report(expression, messages.invalidPrimitive(expression, value, type, fix));
      }
      if (rule.requiredCodes && typeof value === "string" && !rule.requiredCodes.codes.has(value)) {
        return this.report(expression, messages.codeNotInValueSet(expression, value, rule.requiredCodes));
      }
      return;
    }
    if (type === "Resource") {
      return this.validateResource(value, expression);
    }
    if (!isJsonObject(value)) {
      return this.report(expression, messages.notAnObject(expression, value, type));
    }
    if (hasNoProperties(value)) {
      return this.report(expression, messages.emptyObject(expression));
    }
    const layoutPath = rule.childrenPath ?? type;
    const layout = this.index.layouts.get(layoutPath);
    if (layout === undefined) {
      throw new Error(`No R4 element layout for ${layoutPath}, so ${expression} cannot be validated.`);
    }
    this.validateElement(value, layout, expression, layoutPath);
  }

  /**
   * Checks `_birthDate`, which carries the id and extensions of the primitive `birthDate`. For a
   * repeating primitive it is an array with one entry, or null, per value.
   */
  private validatePrimitiveExtensions(value: unknown, rule: ElementRule, expression: string): void {
    const elementRule: ElementRule = { ...rule, childrenPath: "Element" };
    if (rule.max <= 1) {
      return this.validateValue(value, elementRule, "Element", expression);
    }
    if (!Array.isArray(value)) {
      return this.report(expression, messages.notAnArray(expression, value, rule));
    }
    for (let position = 0; position < value.length; position++) {
      const item: unknown = value[position];
      if (item !== null) this.validateValue(item, elementRule, "Element", `${expression}[${position}]`);
    }
  }

  private checkRequired(element: Record<string, unknown>, layout: ElementLayout, expression: string): void {
    for (const rule of layout.required) {
      if (countPresent(element, rule) === 0) {
        const path = `${expression}.${baseNameOf(rule)}`;
        this.report(path, messages.missingRequired(path, rule));
      }
    }
  }

  private checkChoices(element: Record<string, unknown>, layout: ElementLayout, expression: string): void {
    for (const rule of layout.choices) {
      if (countPresent(element, rule) > 1) {
        const path = `${expression}.${baseNameOf(rule)}`;
        const present = rule.properties.filter((name) => element[name] !== undefined || element[`_${name}`] !== undefined);
        this.report(path, messages.severalChoices(path, present));
      }
    }
  }

  private report(expression: string | undefined, diagnostics: string): void {
    if (this.issues.length === MAX_VALIDATION_ISSUES) {
      this.issues.push({ diagnostics: messages.tooManyIssues(MAX_VALIDATION_ISSUES) });
    } else if (!this.isFull()) {
      this.issues.push(expression === undefined ? { diagnostics } : { diagnostics, expression });
    }
  }

  private isFull(): boolean {
    return this.issues.length > MAX_VALIDATION_ISSUES;
  }
}

const UNDERSCORE = "_".charCodeAt(0);

/** Tells whether a value passes the checks validateValue makes on a primitive, without building its message. */
function isValidPrimitive(value: unknown, rule: ElementRule, type: string): boolean {
  if (checkPrimitive(type, value) !== undefined) return false;
  return !(rule.requiredCodes && typeof value === "string" && !rule.requiredCodes.codes.has(value));
}

// `_name` of each property name, so the per-object checks do not build the same key for every object.
const extensionNames = new Map<string, string>();

/** Counts the JSON properties of a rule that an object has, each as a value, as `_name` extensions, or both. */
function countPresent(element: Record<string, unknown>, rule: ElementRule): number {
  let count = 0;
  for (const name of rule.properties) {
    if (element[name] !== undefined || element[extensionNameOf(name)] !== undefined) count++;
  }
  return count;
}

function extensionNameOf(name: string): string {
  let extensionName = extensionNames.get(name);
  if (extensionName === undefined) {
    extensionName = `_${name}`;
    extensionNames.set(name, extensionName);
  }
  return extensionName;
}

function hasNoProperties(value: Record<string, unknown>): boolean {
  for (const key in value) {
    if (Object.hasOwn(value, key)) return false;
  }
  return true;
}

/** FHIRPath of a child: "Patient.birthDate", or "Observation.value.ofType(Quantity)" for a choice. */
function childExpression(parent: string, property: string, rule: ElementRule, type: string): string {
  return rule.isChoice ? `${parent}.${baseNameOf(rule)}.ofType(${type})` : `${parent}.${property}`;
}

function baseNameOf(rule: ElementRule): string {
  return rule.path.slice(rule.path.lastIndexOf(".") + 1).replace("[x]", "");
}
