import type { Bundle, SearchParameter } from "fhir/r4";
import { readR4Definitions } from "./read-r4-definitions";
import { splitTopLevel } from "./split-top-level";
import { tokenOfTextParam, tokenTextParam } from "./token-text-param";

/** The search parameter types the store indexes. Composite and special parameters are left out. */
export type IndexedSearchParameterType = "token" | "string" | "date" | "reference" | "number" | "quantity" | "uri";

/** One search parameter as it applies to one resource type. */
export interface SearchParameterDefinition {
  code: string;
  type: IndexedSearchParameterType;
  /** The FHIRPath parts of the official expression that apply to this resource type. */
  expressions: string[];
  /**
   * Codes of the parameters whose rows together are this one's, set when R4 defines it as their
   * union (Observation's `combo-code` is `code` and `component-code`). Such a parameter stores no
   * rows, and searches read its parts' rows (see indexedCodesOf).
   */
  indexedAs?: string[];
}

/** The resource types whose search parameters the store indexes. */
export const INDEXED_RESOURCE_TYPES: readonly string[] = [
  "Patient",
  "Coverage",
  "ExplanationOfBenefit",
  "Claim",
  "Encounter",
  "Condition",
  "Observation",
  "MedicationRequest",
  "Immunization",
  "Procedure",
  "AllergyIntolerance",
  "CarePlan",
  "DiagnosticReport",
  "DocumentReference",
  "Organization",
  "Practitioner",
  "PractitionerRole",
  "Location",
  "Task",
  "Communication",
  "DetectedIssue",
  "MeasureReport",
  "Provenance",
  "AuditEvent",
  // Synthea and CARIN data carry these too; indexed so they land in the member's compartment.
  "Goal",
  "CareTeam",
  "ImagingStudy",
  "RelatedPerson",
  "MedicationAdministration",
  "Device",
  "ServiceRequest",
];

/**
 * The parameters every resource type gets from Resource. `_id` is the resource id itself and
 * `_lastUpdated` comes from the store, so neither is indexed from the resource body.
 */
const COMMON_PARAMETER_CODES = new Set(["_tag", "_profile", "_security"]);
const COMMON_BASES = ["Resource", "DomainResource"];
const INDEXED_TYPES: readonly string[] = ["token", "string", "date", "reference", "number", "quantity", "uri"];

const definitionsByType = loadDefinitions();

/**
 * Lists the indexed search parameters of a resource type, from the official R4 definitions. A
 * type outside INDEXED_RESOURCE_TYPES gets only the common ones (`_tag`, `_profile`, `_security`).
 */
export function listSearchParameters(resourceType: string): readonly SearchParameterDefinition[] {
  return definitionsByType.get(resourceType) ?? definitionsByType.get("Resource") ?? [];
}

/**
 * Returns the parameter codes whose index rows serve a search on `code` of a resource type: the
 * code itself, or the parts of a union parameter (see SearchParameterDefinition.indexedAs). A
 * token's display-text name ("combo-code:text", see tokenTextParam) maps to its parts' names.
 */
export function indexedCodesOf(resourceType: string, code: string): readonly string[] {
  const token = tokenOfTextParam(code);
  const parts = listSearchParameters(resourceType).find((parameter) => parameter.code === (token ?? code))?.indexedAs;
  if (parts === undefined) return [code];
  return token === undefined ? parts : parts.map(tokenTextParam);
}

function loadDefinitions(): Map<string, SearchParameterDefinition[]> {
  const bundle = readR4Definitions<Bundle<SearchParameter>>("search-parameters.json");
  const byType = new Map<string, SearchParameterDefinition[]>();

  for (const resourceType of ["Resource", ...INDEXED_RESOURCE_TYPES]) {
    byType.set(resourceType, []);
  }
  for (const entry of bundle.entry ?? []) {
    const parameter = entry.resource;
    if (parameter?.expression && isIndexedType(parameter.type)) {
      addDefinition(byType, parameter, parameter.type, parameter.expression);
    }
  }
  for (const definitions of byType.values()) markUnions(definitions);
  return byType;
}

/**
 * Marks each token or quantity parameter whose expression parts are exactly those of other
 * parameters of the same type taken together, so that its rows, which would repeat theirs, are
 * not stored. Reference parameters are left alone: `_include` and chains name the parameter.
 */
function markUnions(definitions: SearchParameterDefinition[]): void {
  for (const union of definitions) {
    if (union.type !== "token" && union.type !== "quantity") continue;

    const unionExpressions = new Set(union.expressions);
    const members = definitions.filter(
      (other) =>
        other !== union &&
        other.type === union.type &&
        other.expressions.length < unionExpressions.size &&
        other.expressions.every((expression) => unionExpressions.has(expression)),
    );
    const covered = new Set(members.flatMap((member) => member.expressions));
    if (members.length > 1 && covered.size === unionExpressions.size) {
      union.indexedAs = members.map((member) => member.code);
    }
  }
}

function addDefinition(
  byType: Map<string, SearchParameterDefinition[]>,
  parameter: SearchParameter,
  type: IndexedSearchParameterType,
  expression: string,
): void {
  const isCommon = parameter.base.some((base) => COMMON_BASES.includes(base));
  if (isCommon && !COMMON_PARAMETER_CODES.has(parameter.code)) {
    return;
  }

  const parts = splitTopLevel(expression, "|")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  for (const [resourceType, definitions] of byType) {
    const applies = isCommon || parameter.base.some((base) => base === resourceType);
    const ownParts = parts.filter((part) => isCommon || rootOf(part) === resourceType);
    if (applies && ownParts.length > 0) {
      definitions.push({ code: parameter.code, type, expressions: ownParts });
    }
  }
}

function isIndexedType(type: string): type is IndexedSearchParameterType {
  return INDEXED_TYPES.includes(type);
}

/** Returns the type name an expression part starts from: "(Observation.value as Quantity)" → "Observation". */
function rootOf(part: string): string {
  return /^\(*\s*([A-Za-z]+)/.exec(part)?.[1] ?? "";
}
