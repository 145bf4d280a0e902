import type { FhirStore } from "../fhir/store/fhir-store";
import { isFhirError } from "../fhir/fhir-error";
import type { ReferenceNames } from "./claim-summary";
import { referenceKey, type ReferenceTarget } from "./reference-target";
import { toDisplayName } from "./to-display-name";

/**
 * Reads the names of the Practitioner, Organization and Location resources in `targets`, keyed by
 * "Type/id". Other types, unknown and deleted resources, and resources without a name are left
 * out, and the mapper then shows its fallback text.
 */
export async function readReferenceNames(store: FhirStore, targets: ReferenceTarget[]): Promise<ReferenceNames> {
  const keys = new Map(targets.map((target) => [referenceKey(target), target]));
  const entries = await Promise.all([...keys].map(async ([key, target]) => [key, await readName(store, target)] as const));

  const names = new Map<string, string>();
  for (const [key, name] of entries) {
    if (name) {
      names.set(key, name);
    }
  }
  return names;
}

async function readName(store: FhirStore, target: ReferenceTarget): Promise<string | null> {
  try {
    if (target.resourceType === "Practitioner") {
      return toDisplayName((await store.read("Practitioner", target.id)).name, { withPrefix: true });
    }
    if (target.resourceType === "Organization") {
      return (await store.read("Organization", target.id)).name?.trim() || null;
    }
    if (target.resourceType === "Location") {
      return (await store.read("Location", target.id)).name?.trim() || null;
    }
    return null;
  } catch (error) {
    // A dangling reference is common in imported data; the row then reads "Unknown provider".
    if (isFhirError(error, "not-found") || isFhirError(error, "gone")) {
      return null;
    }
    throw error;
  }
}
