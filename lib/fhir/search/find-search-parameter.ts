import { listSearchParameters, type SearchParameterDefinition } from "../search-parameters";

/** Returns the indexed search parameter `code` of a resource type, or undefined when there is none. */
export function findSearchParameter(resourceType: string, code: string): SearchParameterDefinition | undefined {
  return listSearchParameters(resourceType).find((parameter) => parameter.code === code);
}
