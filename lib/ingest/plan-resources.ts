import { chooseStoredId } from "./choose-resource-id";
import type { ConditionalMatcher } from "./conditional-matcher";
import type { FilePlan } from "./file-plan";
import type { ResourcesInput } from "./parse-input-file";
import { PendingResources } from "./pending-resources";
import { prepareResource } from "./prepare-resource";
import { isResourceCandidate, type ResourceCandidate } from "./resource-candidate";
import type { ImportValidation } from "./validation-summary";

/**
 * Plans loose resources (a single-resource file or NDJSON lines): each is stored under its own
 * id, or an id derived from its content when it has none, as one unit of its own. Conditional
 * references may match other resources of the same file. A line that is not a resource, or not
 * valid, is rejected with its line number and the rest still load.
 */
export async function planResources(file: string, input: ResourcesInput, matcher: ConditionalMatcher, validation?: ImportValidation): Promise<FilePlan> {
  const plan: FilePlan = { units: [], rejections: [], resourceCount: input.items.length };
  const local = new PendingResources();
  const candidates: { line?: number; candidate: ResourceCandidate }[] = [];

  for (const item of input.items) {
    if ("issue" in item) {
      plan.rejections.push({ file, line: item.line, issues: [item.issue] });
    } else if (!isResourceCandidate(item.value)) {
      plan.rejections.push({ file, line: item.line, issues: [{ diagnostics: `${item.line === undefined ? "File" : "Line"} is JSON but not a FHIR resource: expected an object with a resourceType.` }] });
    } else {
      item.value.id = chooseStoredId(undefined, item.value);
      local.add(item.value);
      candidates.push({ line: item.line, candidate: item.value });
    }
  }

  const scope = { fullUrls: new Map<string, string>(), matcher, local, validation };
  for (const { line, candidate } of candidates) {
    const prepared = await prepareResource(candidate, scope);
    const location = { file, line, resourceType: candidate.resourceType };
    if ("issues" in prepared) {
      plan.rejections.push({ ...location, issues: prepared.issues });
    } else {
      plan.units.push({ file, writes: [{ write: { kind: "put", resource: prepared.resource }, createOnly: false }], matchedTypes: [], pendingResources: [prepared.resource], rejectAs: location });
    }
  }
  return plan;
}
