import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";

/**
 * Routes one request to its interaction and returns the response; failures are thrown. Batch and
 * transaction processing receive it so each entry runs through the same routing as a request.
 */
export type FhirDispatch = (request: FhirRequest, context: FhirContext) => Promise<FhirResponse>;
