import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import type { Bundle, FhirResource } from "fhir/r4";

/** Synthea bundles in the public sample data beside the project; tests that need them skip without it. */
export const syntheaDir = path.resolve(import.meta.dirname, "../../../../shared/data/synthea/smart-generated-sample-data-r4");

/** Tells whether the Synthea sample folder exists. */
export const hasSynthea = existsSync(syntheaDir);

/** Two Synthea patients: a man with diabetes, and a second patient for the tests that check isolation. */
export const syntheaPatients = {
  louis: { file: "Louis_Maggio_2e275d4b-855a-4eb2-9021-5410aa8acd4f.json", patientId: "bae2bf00-eca1-47fb-bb43-272f8de1449c" },
  morris: { file: "Morris_Lockman_cd9e9826-aea1-4682-adc0-c1d97633bf31.json" },
} as const;

/** Reads the entries of one Synthea bundle, keyed by resource id. References stay as written (`urn:uuid:`). */
export function readSyntheaResources(file: string): Map<string, FhirResource> {
  const bundle: Bundle<FhirResource> = JSON.parse(readFileSync(path.join(syntheaDir, file), "utf8"));
  const resources = new Map<string, FhirResource>();
  for (const entry of bundle.entry ?? []) {
    if (entry.resource?.id) {
      resources.set(entry.resource.id, entry.resource);
    }
  }
  return resources;
}

/** Returns the resource with `id` as `resourceType`, failing the test when the bundle has no such resource. */
export function pickResource<K extends FhirResource["resourceType"]>(resources: Map<string, FhirResource>, resourceType: K, id: string): Extract<FhirResource, { resourceType: K }> {
  const resource = resources.get(id);
  if (resource?.resourceType !== resourceType) {
    throw new Error(`The Synthea bundle has no ${resourceType} with id ${id}; check the file name and id.`);
  }
  return resource as Extract<FhirResource, { resourceType: K }>;
}
