import r4Model from "fhirpath/fhir-context/r4";
import type { PathStep, SimplePath } from "./parse-simple-path";

/** One operation of a compiled path walk over resource JSON. */
export type WalkOperation =
  | { kind: "get"; key: string }
  | { kind: "referenceTo"; typeName: string }
  | { kind: "equals"; field: string; literal: string };

/**
 * A walk through JSON keys that ends at values of one FHIR type. A choice element such as
 * `Observation.effective` becomes one branch per JSON key (`effectiveDateTime`, `effectivePeriod`, …).
 */
export interface PathBranch {
  operations: WalkOperation[];
  /** FHIR type name of the values the walk ends at, such as "dateTime" or "CodeableConcept". */
  type: string;
}

interface ResolvingBranch extends PathBranch {
  /** Model path of this element's children: "Observation.component" or "HumanName". */
  modelPath: string;
}

/** FHIR R4 primitive type names. They start lower case, while complex types start upper case. */
export const FHIR_PRIMITIVE_TYPES: ReadonlySet<string> = new Set([
  "base64Binary", "boolean", "canonical", "code", "date", "dateTime", "decimal", "id", "instant",
  "integer", "markdown", "oid", "positiveInt", "string", "time", "unsignedInt", "uri", "url", "uuid", "xhtml",
]);

/** The model lists some elements, such as `Patient.id`, with FHIRPath system types. */
const SYSTEM_TYPES: Record<string, string> = {
  "System.String": "string",
  "System.Boolean": "boolean",
  "System.Date": "date",
  "System.DateTime": "dateTime",
  "System.Time": "time",
  "System.Decimal": "decimal",
  "System.Integer": "integer",
};

/**
 * Resolves each step of a simple path against the fhirpath.js R4 model, which gives the JSON keys
 * of choice elements and the FHIR type of the values the walk returns. Returns undefined when a
 * step needs more than the model contains, such as fields of a contained resource.
 */
export function resolvePathBranches(path: SimplePath): PathBranch[] | undefined {
  let branches: ResolvingBranch[] = [{ operations: [], type: path.root, modelPath: path.root }];

  for (const step of path.steps) {
    const next: ResolvingBranch[] = [];
    for (const branch of branches) {
      const resolved = resolveStep(branch, step);
      if (resolved === undefined) {
        return undefined;
      }
      next.push(...resolved);
    }
    branches = next;
  }
  return branches.map(({ operations, type }) => ({ operations, type }));
}

function resolveStep(branch: ResolvingBranch, step: PathStep): ResolvingBranch[] | undefined {
  switch (step.kind) {
    case "field":
      return resolveField(branch, step.name);
    case "ofType":
      return isTypeOrSubtype(branch.type, step.typeName) ? [branch] : [];
    case "whereResolveIs":
      return branch.type === "Reference" ? [withOperation(branch, { kind: "referenceTo", typeName: step.typeName })] : undefined;
    case "whereEquals": {
      const fieldType = elementTypeOf(`${branch.modelPath}.${step.field}`);
      return fieldType !== undefined && FHIR_PRIMITIVE_TYPES.has(fieldType)
        ? [withOperation(branch, { kind: "equals", field: step.field, literal: step.literal })]
        : undefined;
    }
  }
}

function resolveField(branch: ResolvingBranch, name: string): ResolvingBranch[] | undefined {
  const isNestedResource = branch.type === "Resource" && branch.operations.length > 0;
  if (FHIR_PRIMITIVE_TYPES.has(branch.type) || isNestedResource) {
    return undefined;
  }

  const path = `${branch.modelPath}.${name}`;
  const choiceSuffixes = r4Model.choiceTypePaths[path];
  if (choiceSuffixes) {
    return choiceSuffixes.map((suffix) => {
      const type = typeNameOfChoiceSuffix(suffix);
      return { ...withOperation(branch, { kind: "get", key: name + suffix }), type, modelPath: type };
    });
  }

  const type = elementTypeOf(path);
  if (type === undefined) {
    return undefined;
  }
  const isBackbone = type === "BackboneElement" || type === "Element";
  const modelPath = isBackbone ? (r4Model.pathsDefinedElsewhere[path] ?? path) : type;
  return [{ ...withOperation(branch, { kind: "get", key: name }), type, modelPath }];
}

function withOperation(branch: ResolvingBranch, operation: WalkOperation): ResolvingBranch {
  return { ...branch, operations: [...branch.operations, operation] };
}

function elementTypeOf(path: string): string | undefined {
  const type = r4Model.path2Type[r4Model.pathsDefinedElsewhere[path] ?? path];
  return type === undefined ? undefined : (SYSTEM_TYPES[type] ?? type);
}

/** Converts a choice suffix to its type name. Suffixes capitalise primitives: "DateTime" → "dateTime", "Quantity" → "Quantity". */
function typeNameOfChoiceSuffix(suffix: string): string {
  const lowered = suffix.charAt(0).toLowerCase() + suffix.slice(1);
  return FHIR_PRIMITIVE_TYPES.has(lowered) ? lowered : suffix;
}

function isTypeOrSubtype(type: string, ancestor: string): boolean {
  for (let current: string | undefined = type; current !== undefined; current = r4Model.type2Parent[current]) {
    if (current === ancestor) return true;
  }
  return false;
}
