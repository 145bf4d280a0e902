import type { BundleLink, FhirResource } from "fhir/r4";

import { extractIndexRows } from "../extract-index-rows";
import { patientCompartmentsOf } from "../patient-compartments";
import { referenceOf, type StoredResource } from "../search/stored-resource";
import type { FhirResponse } from "./fhir-request";

/** One entry of a searchset Bundle. */
export interface SearchsetEntry {
  stored: StoredResource;
  mode: "match" | "include";
}

/**
 * Builds the 200 response of a searchset Bundle, serialized here. A resource that carries its
 * stored JSON and needs no `transform` (the `_summary` and `_elements` cut) is spliced in as it
 * is, so a page of claims is neither parsed nor serialized again. The response also names the
 * resources and patients the Bundle carries, for the AuditEvent. The patients come from the
 * compartment rows where the query read them, otherwise from the resource.
 */
export function searchsetResponse(
  head: { total?: number; link: BundleLink[] },
  entries: readonly SearchsetEntry[],
  baseUrl: string,
  transform?: (resource: FhirResource) => FhirResource,
): FhirResponse {
  const parts: string[] = [];
  const resources: string[] = [];
  const patientIds = new Set<string>();
  for (const { stored, mode } of entries) {
    const reference = referenceOf(stored);
    const json = transform === undefined && stored.json !== undefined ? stored.json : JSON.stringify(transform ? transform(stored.resource) : stored.resource);
    parts.push(`{"fullUrl":${JSON.stringify(`${baseUrl}/${reference}`)},"resource":${json},"search":{"mode":"${mode}"}}`);
    resources.push(reference);
    for (const patientId of stored.patientIds ?? patientCompartmentsOf(stored.resource, extractIndexRows(stored.resource))) patientIds.add(patientId);
  }

  const bundle = JSON.stringify({ resourceType: "Bundle", type: "searchset", ...head });
  return {
    status: 200,
    headers: {},
    json: `${bundle.slice(0, -1)},"entry":[${parts.join(",")}]}`,
    auditPatientIds: [...patientIds].sort(),
    auditResources: resources,
  };
}
