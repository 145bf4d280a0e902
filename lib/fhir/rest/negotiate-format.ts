import { FHIR_JSON, type FhirRequest } from "./fhir-request";

const JSON_FORMATS = new Set(["json", FHIR_JSON, "application/json", "application/json+fhir"]);
const ACCEPTABLE = new Set([...JSON_FORMATS, "*/*", "application/*"]);

/** The outcome of content negotiation: the response media type, or why none fits. */
export type FormatNegotiation = { ok: true; contentType: string } | { ok: false; status: 406 | 415; diagnostics: string };

/**
 * Picks the response media type from `_format` (which overrides Accept, as R4 defines) or from
 * Accept, and checks that a request body is JSON. Only JSON is supported: XML and RDF get 406.
 */
export function negotiateFormat(request: FhirRequest): FormatNegotiation {
  const format = request.query.get("_format");
  if (format !== null && !JSON_FORMATS.has(mediaTypeOf(format))) {
    return { ok: false, status: 406, diagnostics: `_format "${format}" is not supported; this server sends JSON only, so use _format=json or leave it out.` };
  }

  const accepted = (request.headers.accept ?? "").split(",").map(mediaTypeOf).filter((type) => type !== "");
  if (format === null && accepted.length > 0 && !accepted.some((type) => ACCEPTABLE.has(type))) {
    return { ok: false, status: 406, diagnostics: `Accept "${request.headers.accept}" names no format this server sends; accept application/fhir+json or application/json.` };
  }

  const bodyProblem = checkBodyType(request);
  if (bodyProblem) {
    return { ok: false, status: 415, diagnostics: bodyProblem };
  }
  const contentType = format === null && accepted.includes("application/json") && !accepted.includes(FHIR_JSON) ? "application/json" : FHIR_JSON;
  return { ok: true, contentType: `${contentType}; charset=utf-8` };
}

function mediaTypeOf(value: string): string {
  return (value.split(";")[0] ?? "").trim().toLowerCase();
}

function checkBodyType(request: FhirRequest): string | undefined {
  if (request.body === undefined || request.body === "") return undefined;
  const type = mediaTypeOf(request.headers["content-type"] ?? "");
  const expected = expectedBodyTypes(request);
  if (expected.includes(type)) return undefined;
  return `Content-Type "${request.headers["content-type"] ?? ""}" is not accepted for ${request.method} here; send ${expected.join(" or ")}.`;
}

function expectedBodyTypes(request: FhirRequest): string[] {
  if (request.method === "POST" && request.path[1] === "_search") return ["application/x-www-form-urlencoded"];
  if (request.method === "PATCH") return ["application/json-patch+json"];
  return [FHIR_JSON, "application/json"];
}
