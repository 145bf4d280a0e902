import type { Bundle, BundleEntry } from "fhir/r4";

import { inProcessingOrder, toFhirRequest, type BundleEntryRequest } from "./bundle-entry-request";
import { errorResponse } from "./error-response";
import type { FhirDispatch } from "./fhir-dispatch";
import type { FhirContext, FhirResponse } from "./fhir-request";
import { toResponseEntry } from "./to-response-entry";

/**
 * Processes a batch Bundle: each entry on its own, in the R4 processing order, each write in its
 * own database transaction. A failed entry gets its status and OperationOutcome in the
 * batch-response and does not stop the others. Writes need a scope that may write, so the reads in
 * a member's batch run within the member's scope while each write entry gets 403.
 */
export async function batchInteraction(entries: BundleEntryRequest[], context: FhirContext, dispatch: FhirDispatch): Promise<FhirResponse> {
  const responses: BundleEntry[] = new Array<BundleEntry>(entries.length);

  for (const entry of inProcessingOrder(entries)) {
    responses[entry.index] = await processEntry(entry, context, dispatch);
  }

  const bundle: Bundle = { resourceType: "Bundle", type: "batch-response", entry: responses };
  return { status: 200, headers: {}, body: bundle };
}

async function processEntry(entry: BundleEntryRequest, context: FhirContext, dispatch: FhirDispatch): Promise<BundleEntry> {
  try {
    return toResponseEntry(await dispatch(toFhirRequest(entry), context));
  } catch (error) {
    return toResponseEntry(errorResponse(error));
  }
}
