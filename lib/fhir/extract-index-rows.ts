import type { Resource } from "fhir/r4";
import { addValueRows } from "./add-value-rows";
import type { SearchExpression } from "./compile-search-expression";
import { compileSearchExpression } from "./compile-search-expression";
import { IndexRowCollector } from "./index-row-collector";
import type { IndexRows } from "./index-rows";
import type { IndexedSearchParameterType } from "./search-parameters";
import { listSearchParameters } from "./search-parameters";

/** A search parameter of one resource type with its expression parts compiled. */
export interface CompiledSearchParameter {
  code: string;
  type: IndexedSearchParameterType;
  expressions: SearchExpression[];
}

const compiledByType = new Map<string, CompiledSearchParameter[]>();

/**
 * Computes the search index rows of a resource from the official R4 search parameters of its
 * type (see listSearchParameters). Each expression is compiled on the first resource of its type.
 */
export function extractIndexRows(resource: Resource): IndexRows {
  const collector = new IndexRowCollector();
  for (const parameter of listCompiledSearchParameters(resource.resourceType)) {
    const target: ValueTarget = { collector, parameter };
    for (const expression of parameter.expressions) {
      expression.forEachValue(resource, addValue, target);
    }
  }
  return collector.rows;
}

interface ValueTarget {
  collector: IndexRowCollector;
  parameter: CompiledSearchParameter;
}

function addValue(target: ValueTarget, value: unknown, fhirType: string): void {
  addValueRows(target.collector, target.parameter.code, target.parameter.type, value, fhirType);
}

/** Lists the search parameters of a resource type with compiled expressions, compiling once per type. */
export function listCompiledSearchParameters(resourceType: string): readonly CompiledSearchParameter[] {
  let compiled = compiledByType.get(resourceType);
  if (compiled === undefined) {
    // A union parameter's rows would repeat those of its parts (see indexedCodesOf).
    compiled = listSearchParameters(resourceType)
      .filter((parameter) => parameter.indexedAs === undefined)
      .map((parameter) => ({
        code: parameter.code,
        type: parameter.type,
        expressions: parameter.expressions.map(compileSearchExpression),
      }));
    compiledByType.set(resourceType, compiled);
  }
  return compiled;
}
