import type { FhirResource } from "fhir/r4";

import type { FhirErrorIssue } from "../fhir/fhir-error";
import type { ConditionalMatcher } from "./conditional-matcher";
import type { FilePlan } from "./file-plan";
import type { ImportRejection } from "./import-rejection";
import type { ImportUnit, PlannedWrite } from "./import-unit";
import type { BundleInput } from "./parse-input-file";
import { isRecord } from "./is-record";
import { PendingResources } from "./pending-resources";
import { prepareResource, type ReferenceScope } from "./prepare-resource";
import { readBundleEntry } from "./read-bundle-entry";
import { resolveEntry, type ResolvedEntry } from "./resolve-entry";
import { isResourceCandidate } from "./resource-candidate";
import type { ImportValidation } from "./validation-summary";

type FailedEntry = { index: number; resourceType?: string; issues: FhirErrorIssue[] };

/** One entry after planning: its write, a satisfied conditional create, nothing, or its issues. */
type PlannedEntry = { index: number; resourceType?: string; write?: PlannedWrite; matched?: string } | FailedEntry;

// The FHIR R4 transaction processing rules apply deletes first, then creates, then updates.
const writeOrder = { delete: 0, create: 1, update: 2 } as const;

/**
 * Plans a Bundle: resolves each entry's id, rewrites fullUrl and conditional references to
 * `Type/id`, and validates every resource. A transaction becomes one unit, or, when any entry
 * fails, no unit and one rejection per failed entry plus one for the bundle. Batch and
 * collection entries become one unit each, and only failed entries are rejected.
 */
export async function planBundle(file: string, bundle: BundleInput, matcher: ConditionalMatcher, validation?: ImportValidation): Promise<FilePlan> {
  const local = new PendingResources();
  const fullUrls = new Map<string, string>();
  const resolved: (ResolvedEntry | FhirErrorIssue[])[] = [];

  for (let index = 0; index < bundle.entries.length; index++) {
    const action = readBundleEntry(bundle.entries[index], index, bundle.mode);
    const entry = Array.isArray(action) ? action : await resolveEntry(action, { matcher, local, fullUrls, at: `Bundle.entry[${index}]` });
    resolved.push(entry);
  }

  const planned: PlannedEntry[] = [];
  for (const [index, entry] of resolved.entries()) {
    const resourceType = resourceTypeOf(bundle.entries[index]);
    planned.push({ resourceType, ...(await planEntry(index, entry, { fullUrls, matcher, local, validation })) });
  }
  return bundle.mode === "transaction" ? toTransactionPlan(file, planned) : toEntryPlans(file, planned);
}

async function planEntry(index: number, entry: ResolvedEntry | FhirErrorIssue[], scope: ReferenceScope): Promise<PlannedEntry> {
  if (Array.isArray(entry)) return { index, issues: entry };

  switch (entry.kind) {
    case "none":
      return { index };
    case "matched":
      return { index, resourceType: entry.resourceType, matched: entry.resourceType };
    case "delete":
      return { index, resourceType: entry.resourceType, write: { write: { kind: "delete", resourceType: entry.resourceType, id: entry.id }, createOnly: false } };
    case "put": {
      const prepared = await prepareResource(entry.candidate, scope);
      const resourceType = entry.candidate.resourceType;
      if ("issues" in prepared) return { index, resourceType, issues: prepared.issues };
      return { index, resourceType, write: { write: { kind: "put", resource: prepared.resource }, createOnly: entry.createOnly } };
    }
  }
}

function toTransactionPlan(file: string, planned: PlannedEntry[]): FilePlan {
  const resourceCount = planned.filter(isCounted).length;
  const failed = planned.filter(isFailed);
  if (failed.length > 0) {
    const rejections: ImportRejection[] = failed.map((entry) => ({ file, entry: entry.index, resourceType: entry.resourceType, issues: entry.issues }));
    rejections.push({
      file,
      resourceType: "Bundle",
      issues: [{ diagnostics: `Transaction rejected: ${failed.length} of ${planned.length} entries failed (listed above), so nothing from this bundle was stored.` }],
    });
    return { units: [], rejections, resourceCount };
  }

  const entries = planned.flatMap((entry) => ("write" in entry || "matched" in entry ? [entry] : []));
  const writes = entries.flatMap((entry) => (entry.write ? [entry.write] : [])).sort((a, b) => orderOf(a) - orderOf(b));
  const matchedTypes = entries.flatMap((entry) => (entry.matched ? [entry.matched] : []));
  return { units: [unitOf(file, writes, matchedTypes, { file, resourceType: "Bundle" })], rejections: [], resourceCount };
}

function toEntryPlans(file: string, planned: PlannedEntry[]): FilePlan {
  const plan: FilePlan = { units: [], rejections: [], resourceCount: 0 };
  for (const entry of planned) {
    if (isCounted(entry)) plan.resourceCount++;
    if (isFailed(entry)) {
      plan.rejections.push({ file, entry: entry.index, resourceType: entry.resourceType, issues: entry.issues });
    } else if (entry.write || entry.matched) {
      const location = { file, entry: entry.index, resourceType: entry.resourceType };
      plan.units.push(unitOf(file, entry.write ? [entry.write] : [], entry.matched ? [entry.matched] : [], location));
    }
  }
  return plan;
}

function unitOf(file: string, writes: PlannedWrite[], matchedTypes: string[], rejectAs: ImportUnit["rejectAs"]): ImportUnit {
  const pendingResources: FhirResource[] = writes.flatMap((planned) => (planned.write.kind === "put" ? [planned.write.resource] : []));
  return { file, writes, matchedTypes, pendingResources, rejectAs };
}

function isFailed(entry: PlannedEntry): entry is FailedEntry {
  return "issues" in entry;
}

/** Entries that store, delete or fail count as resources; ignored searchset outcomes do not. */
function isCounted(entry: PlannedEntry): boolean {
  return isFailed(entry) || entry.write !== undefined || entry.matched !== undefined;
}

function resourceTypeOf(entry: unknown): string | undefined {
  if (!isRecord(entry)) return undefined;
  if (isResourceCandidate(entry.resource)) return entry.resource.resourceType;
  const url = isRecord(entry.request) && typeof entry.request.url === "string" ? entry.request.url : "";
  return /^\/?([A-Za-z]+)/.exec(url)?.[1];
}

function orderOf(planned: PlannedWrite): number {
  if (planned.write.kind === "delete") return writeOrder.delete;
  return planned.createOnly ? writeOrder.create : writeOrder.update;
}
