import fc from "fast-check";
import type { OperationOutcome } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import type { FhirResponse } from "./fhir-request";
import { sendFhirRequest } from "./fhir-test-client";

// Generated hostile input must get a 4xx with an OperationOutcome (or a success), never a 500:
// a 500 means an input check is missing and the server turned bad input into an internal error.
const RUNS = 150;

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await sendFhirRequest(db, "Patient", { method: "POST", body: JSON.stringify({ resourceType: "Patient", name: [{ family: "Fuzz", given: ["Ada"] }], birthDate: "1970-01-01" }) });
  await sendFhirRequest(db, "Observation", {
    method: "POST",
    body: JSON.stringify({ resourceType: "Observation", status: "final", code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] }, valueQuantity: { value: 7.1, unit: "%" } }),
  });
});

afterAll(async () => {
  await db?.close();
});

function assertHandled(response: FhirResponse, input: unknown): void {
  const description = JSON.stringify(input).slice(0, 300);
  expect(response.status, `status for ${description}`).toBeLessThan(500);
  if (response.status >= 400) {
    expect((response.body as OperationOutcome | undefined)?.resourceType, `body for ${description}`).toBe("OperationOutcome");
  }
}

const resourceTypes = fc.constantFrom("Patient", "Observation", "ExplanationOfBenefit", "Coverage", "Bundle", "Basic", "NotAType", "", "patient");
const searchNames = fc.constantFrom(
  "name", "family", "birthdate", "_id", "_lastUpdated", "code", "value-quantity", "subject", "subject:Patient", "subject.name", "_has:Observation:subject:code",
  "_include", "_revinclude", "_sort", "_count", "_offset", "_total", "_summary", "_elements", "_page", "identifier:of-type", "name:exact", "code:text", "date", "unknown",
);
const searchValues = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("ge2020", "lt2020-13-45", "eq", "ap1e400", "-1", "99999999999999999999", "Patient:subject:Nope", "*", "|", "a|b|c", "1.5|http://unitsofmeasure.org|%", "\u0000", "%zz", "-_id,name"),
  fc.integer().map(String),
);

describe("FHIR API fuzzing", () => {
  it("answers generated searches without a server error", async () => {
    await fc.assert(
      fc.asyncProperty(resourceTypes, fc.array(fc.tuple(searchNames, searchValues), { maxLength: 6 }), async (resourceType, pairs) => {
        const query = new URLSearchParams(pairs).toString();
        const response = await sendFhirRequest(db, `${encodeURIComponent(resourceType)}?${query}`);
        assertHandled(response, { resourceType, pairs });
      }),
      { numRuns: RUNS },
    );
  });

  it("answers malformed JSON bodies without a server error", async () => {
    await fc.assert(
      fc.asyncProperty(resourceTypes, fc.oneof(fc.string(), fc.json(), fc.constantFrom("{", "[]", "null", '{"resourceType":1}', "\uFEFF{}")), async (resourceType, body) => {
        const response = await sendFhirRequest(db, encodeURIComponent(resourceType), { method: "POST", body, headers: { "content-type": "application/fhir+json" } });
        assertHandled(response, { resourceType, body });
      }),
      { numRuns: RUNS },
    );
  });

  it("answers generated resources without a server error", async () => {
    const resource = fc.record({
      resourceType: resourceTypes,
      id: fc.option(fc.string({ maxLength: 70 }), { nil: undefined }),
      status: fc.option(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { nil: undefined }),
      birthDate: fc.option(fc.oneof(fc.string(), fc.constantFrom("2020-02-30", "20200101", "2020-1-1")), { nil: undefined }),
      subject: fc.option(fc.oneof(fc.record({ reference: fc.string() }), fc.string(), fc.array(fc.anything())), { nil: undefined }),
      meta: fc.option(fc.oneof(fc.record({ versionId: fc.anything() }), fc.anything()), { nil: undefined }),
      extra: fc.option(fc.anything(), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(resource, fc.constantFrom("POST", "PUT"), async (body, method) => {
        const path = method === "PUT" ? `${encodeURIComponent(body.resourceType)}/${encodeURIComponent(body.id ?? "x")}` : encodeURIComponent(body.resourceType);
        const response = await sendFhirRequest(db, path, { method, body: JSON.stringify(body) });
        assertHandled(response, body);
      }),
      { numRuns: RUNS },
    );
  });

  it("answers generated bundles without a server error", async () => {
    const entry = fc.record({
      fullUrl: fc.option(fc.oneof(fc.string(), fc.constant("urn:uuid:6b0f4c1e-2d7a-4f2e-9a51-1c1d1e1f1a1b")), { nil: undefined }),
      resource: fc.option(fc.oneof(fc.record({ resourceType: resourceTypes, id: fc.option(fc.string(), { nil: undefined }) }), fc.anything()), { nil: undefined }),
      request: fc.option(
        fc.record({ method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "get", ""), url: fc.oneof(fc.string(), fc.constantFrom("Patient", "Patient/x", "Patient?name=a", "$export", "metadata")) }),
        { nil: undefined },
      ),
    });
    const bundle = fc.record({ resourceType: fc.constant("Bundle"), type: fc.constantFrom("transaction", "batch", "collection", "searchset", "nope"), entry: fc.array(entry, { maxLength: 5 }) });
    await fc.assert(
      fc.asyncProperty(bundle, async (body) => {
        const response = await sendFhirRequest(db, "", { method: "POST", body: JSON.stringify(body) });
        assertHandled(response, body);
      }),
      { numRuns: RUNS },
    );
  });

  it("answers generated paths without a server error", async () => {
    const segment = fc.oneof(fc.string({ maxLength: 12 }), resourceTypes, fc.constantFrom("_history", "_search", "$everything", "$export", "$export-poll-status", "metadata", "1", "..", "%"));
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom("GET", "DELETE", "PATCH", "OPTIONS"), async (segments, method) => {
        // "./" keeps a path that starts with empty segments from reading as a URL with a host ("//x").
        const response = await sendFhirRequest(db, `./${segments.map(encodeURIComponent).join("/")}`, { method, body: method === "PATCH" ? "[{}]" : undefined });
        assertHandled(response, { segments, method });
      }),
      { numRuns: RUNS },
    );
  });
});
