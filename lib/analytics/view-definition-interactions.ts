import type { Bundle } from "fhir/r4";

import { FhirError } from "../fhir/fhir-error";
import { isJsonObject } from "../fhir/is-json-object";
import type { FhirContext, FhirRequest, FhirResponse } from "../fhir/rest/fhir-request";
import { listStoredViewDefinitions, readStoredViewDefinition, removeStoredViewDefinition, saveViewDefinition } from "./stored-view-definitions";
import type { StoredViewDefinition } from "./view-definition";

/** A searchset Bundle of ViewDefinitions, which the R4 Bundle type cannot hold because ViewDefinition is no R4 resource. */
type ViewDefinitionBundle = Omit<Bundle, "entry"> & {
  entry: { fullUrl: string; resource: StoredViewDefinition; search: { mode: "match" } }[];
};

/** GET ViewDefinition: every stored ViewDefinition in one searchset Bundle. */
export async function searchViewDefinitions(context: FhirContext): Promise<FhirResponse> {
  const views = await listStoredViewDefinitions(context.db);
  const bundle: ViewDefinitionBundle = {
    resourceType: "Bundle",
    type: "searchset",
    total: views.length,
    entry: views.map((view) => ({ fullUrl: `${context.baseUrl}/ViewDefinition/${view.id}`, resource: view, search: { mode: "match" } })),
  };
  return { status: 200, headers: {}, body: bundle };
}

/** GET ViewDefinition/[id]. */
export async function readViewDefinition(id: string, context: FhirContext): Promise<FhirResponse> {
  const view = await readStoredViewDefinition(context.db, id);
  return { status: 200, headers: versionHeaders(view), body: view };
}

/** POST ViewDefinition and PUT ViewDefinition/[id]: validates the definition, then stores it. */
export async function writeViewDefinition(id: string | undefined, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const input = parseBody(request.body);
  if (id !== undefined && input.id !== undefined && input.id !== id) {
    throw new FhirError("invalid", `The body's id "${String(input.id)}" differs from the URL's id "${id}"; make them equal or drop the body's id.`);
  }

  const { view, created } = await saveViewDefinition(context.db, input, id);

  const headers = versionHeaders(view);
  if (created) headers.location = `${context.baseUrl}/ViewDefinition/${view.id}/_history/${view.meta?.versionId ?? "1"}`;
  return { status: created ? 201 : 200, headers, body: view };
}

/** DELETE ViewDefinition/[id]. Its materialized table is dropped at the next refresh. */
export async function deleteViewDefinition(id: string, context: FhirContext): Promise<FhirResponse> {
  await removeStoredViewDefinition(context.db, id);
  return { status: 204, headers: {} };
}

function parseBody(body: string | undefined): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? "");
  } catch {
    throw new FhirError("invalid", "The request body is not JSON; send a ViewDefinition.");
  }
  if (!isJsonObject(parsed)) throw new FhirError("invalid", "The request body is not a JSON object; send a ViewDefinition.");
  return parsed;
}

function versionHeaders(view: StoredViewDefinition): Record<string, string> {
  const headers: Record<string, string> = {};
  if (view.meta?.versionId) headers.etag = `W/"${view.meta.versionId}"`;
  if (view.meta?.lastUpdated) headers["last-modified"] = new Date(view.meta.lastUpdated).toUTCString();
  return headers;
}
