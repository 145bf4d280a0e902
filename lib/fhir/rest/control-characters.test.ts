import type { Bundle } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { sendFhirRequest, type TestRequestOptions } from "./fhir-test-client";
import { loadSearchFixtures } from "./search-fixtures";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSearchFixtures(db);
});

afterAll(async () => {
  await db.close();
});

const JSON_BODY = { "Content-Type": "application/fhir+json" };
const STRING_FIX = "Remove the control characters: FHIR strings may contain tab, CR and LF, and no other character below U+0020";
const SURROGATE_FIX = "Remove the unpaired surrogate (a \\uD800 to \\uDFFF escape without its partner): FHIR strings must be valid Unicode";

function searchOutcome(key: string): unknown {
  const diagnostics = `Search parameter "${key}" contains an invalid control character, such as %00. FHIR search values may contain tab, CR and LF but no other character below U+0020; remove it.`;
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "invalid", diagnostics }] };
}

function invalidString(expression: string, valueAsJson: string, type = "string", fix = STRING_FIX): unknown {
  const diagnostics = `${expression} ${valueAsJson} is not a valid FHIR ${type}. ${fix}.`;
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "invalid", diagnostics, expression: [expression] }] };
}

describe("control characters in search values", () => {
  it.each([
    ["Observation?code=%00", "code"],
    ["Patient?name=%00", "name"],
    ["Patient?_id=pat-ana%00", "_id"],
    ["Patient?name:exact=a%01b", "name:exact"],
    ["Observation?subject:Patient.name=%00", "subject:Patient.name"],
  ])("rejects %s", async (url, key) => {
    const response = await sendFhirRequest(db, url);

    expect(response.status).toBe(400);
    expect(response.body).toEqual(searchOutcome(key));
  });

  it("keeps tab in a search value", async () => {
    const response = await sendFhirRequest(db, "Patient?name=a%09b");

    expect(response.status).toBe(200);
    expect((response.body as Bundle).total).toBe(0);
  });
});

describe("control characters in resource bodies", () => {
  const patientWith = (fields: object): string => JSON.stringify({ resourceType: "Patient", ...fields });
  const cases: [name: string, url: string, options: TestRequestOptions, expected: unknown][] = [
    ["create", "Patient", { method: "POST", headers: JSON_BODY, body: patientWith({ name: [{ family: "Ri\u0000vera" }] }) }, invalidString("Patient.name[0].family", '"Ri\\u0000vera"')],
    ["update", "Patient/nul-1", { method: "PUT", headers: JSON_BODY, body: patientWith({ id: "nul-1", gender: "other", name: [{ given: ["\u0007"] }] }) }, invalidString("Patient.name[0].given[0]", '"\\u0007"')],
    ["code", "Patient", { method: "POST", headers: JSON_BODY, body: patientWith({ gender: "male\u0000" }) }, invalidString("Patient.gender", '"male\\u0000"', "code")],
    [
      "transaction entry",
      "",
      {
        method: "POST",
        headers: JSON_BODY,
        body: JSON.stringify({
          resourceType: "Bundle",
          type: "transaction",
          entry: [{ resource: { resourceType: "Patient", name: [{ text: "\u0000" }] }, request: { method: "POST", url: "Patient" } }],
        }),
      },
      {
        resourceType: "OperationOutcome",
        issue: [
          {
            severity: "error",
            code: "invalid",
            diagnostics: `Entry 0 (POST Patient) failed, so the transaction wrote nothing: Patient.name[0].text "\\u0000" is not a valid FHIR string. ${STRING_FIX}.`,
            expression: ["Patient.name[0].text"],
          },
        ],
      },
    ],
  ];

  it.each(cases)("rejects NUL on %s", async (_name, url, options, expected) => {
    const response = await sendFhirRequest(db, url, options);

    expect(response.status).toBe(400);
    expect(response.body).toEqual(expected);
  });
});

describe("unpaired surrogates in resource bodies", () => {
  it("rejects a lone \\ud800 in a string", async () => {
    const body = JSON.stringify({ resourceType: "Patient", name: [{ family: "half \ud800 pair" }] });
    const response = await sendFhirRequest(db, "Patient", { method: "POST", headers: JSON_BODY, body });

    expect(response.status).toBe(400);
    expect(response.body).toEqual(invalidString("Patient.name[0].family", '"half \\ud800 pair"', "string", SURROGATE_FIX));
  });

  it("keeps a paired surrogate", async () => {
    const body = JSON.stringify({ resourceType: "Patient", name: [{ family: "Rivera \ud83d\ude00" }] });
    const response = await sendFhirRequest(db, "Patient", { method: "POST", headers: JSON_BODY, body });

    expect(response.status).toBe(201);
  });
});
