import type { Bundle, CapabilityStatement, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { sendFhirRequest, TEST_BASE_URL, type TestRequestOptions } from "./fhir-test-client";
import { loadSearchFixtures } from "./search-fixtures";
import { SUPPORTED_RESOURCE_TYPES } from "./supported-resource-types";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSearchFixtures(db);
});

afterAll(async () => {
  await db.close();
});

const FHIR_JSON_UTF8 = "application/fhir+json; charset=utf-8";
const JSON_BODY = { "Content-Type": "application/fhir+json" };

function outcome(code: string, diagnostics: string): unknown {
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] };
}

const newPatient = (id?: string): Patient => ({ resourceType: "Patient", ...(id ? { id } : {}), name: [{ family: "Rivera" }], birthDate: "2001-02-03" });

describe("handleFhirRequest: read and vread", () => {
  it("reads with ETag, Last-Modified and content type", async () => {
    const response = await sendFhirRequest(db, "Patient/pat-cruz");

    expect(response.status).toBe(200);
    expect(response.headers).toEqual({ etag: 'W/"1"', "last-modified": "Thu, 01 Jan 2026 00:00:03 GMT", "content-type": FHIR_JSON_UTF8 });
    expect((response.body as Patient).name?.[0]?.family).toBe("Cruz");
  });

  it("answers application/json when only that is accepted", async () => {
    const response = await sendFhirRequest(db, "Patient/pat-cruz", { headers: { Accept: "application/json" } });

    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
  });

  it("accepts _format=json over an Accept header", async () => {
    const response = await sendFhirRequest(db, "Patient/pat-cruz?_format=json", { headers: { Accept: "text/html" } });

    expect(response.status).toBe(200);
  });

  it("reads a summary with _summary=true", async () => {
    const response = await sendFhirRequest(db, "Patient/pat-ana?_summary=true");

    expect(Object.keys(response.body as object)).not.toContain("generalPractitioner");
  });

  it("reads every version of an updated resource", async () => {
    await sendFhirRequest(db, "Patient/vread-1", { method: "PUT", headers: JSON_BODY, body: JSON.stringify(newPatient("vread-1")) });
    await sendFhirRequest(db, "Patient/vread-1", { method: "PUT", headers: JSON_BODY, body: JSON.stringify({ ...newPatient("vread-1"), gender: "other" }) });

    const first = await sendFhirRequest(db, "Patient/vread-1/_history/1");
    const second = await sendFhirRequest(db, "Patient/vread-1/_history/2");

    expect((first.body as Patient).gender).toBeUndefined();
    expect((second.body as Patient).gender).toBe("other");
    expect(second.headers.etag).toBe('W/"2"');
  });
});

describe("handleFhirRequest: history", () => {
  it("lists an instance's versions newest first", async () => {
    await sendFhirRequest(db, "Patient/history-1", { method: "PUT", headers: JSON_BODY, body: JSON.stringify(newPatient("history-1")) });
    await sendFhirRequest(db, "Patient/history-1", { method: "PUT", headers: JSON_BODY, body: JSON.stringify({ ...newPatient("history-1"), gender: "female" }) });
    await sendFhirRequest(db, "Patient/history-1", { method: "DELETE" });

    const bundle = (await sendFhirRequest(db, "Patient/history-1/_history")).body as Bundle;

    expect(bundle.type).toBe("history");
    expect(bundle.total).toBe(3);
    expect(bundle.entry?.map((entry) => [entry.request?.method, entry.response?.status])).toEqual([
      ["DELETE", "410 Gone"],
      ["PUT", "200 OK"],
      ["POST", "201 Created"],
    ]);
  });

  it("pages a type's history", async () => {
    const first = (await sendFhirRequest(db, "Observation/_history?_count=2")).body as Bundle;
    const nextUrl = first.link?.find((link) => link.relation === "next")?.url ?? "";
    const second = (await sendFhirRequest(db, nextUrl)).body as Bundle;

    expect(first.entry?.map((entry) => entry.resource?.id)).toEqual(["obs-offset", "obs-local"]);
    expect(second.entry?.map((entry) => entry.resource?.id)).toEqual(["obs-bp", "obs-a1c-day"]);
  });

  it("filters a type's history with _since", async () => {
    const bundle = (await sendFhirRequest(db, "Observation/_history?_since=2026-01-01T00:00:09Z")).body as Bundle;

    expect(bundle.entry?.map((entry) => entry.resource?.id)).toEqual(["obs-offset", "obs-local"]);
  });
});

describe("handleFhirRequest: writes", () => {
  it("creates with 201, Location and ETag", async () => {
    const response = await sendFhirRequest(db, "Patient", { method: "POST", headers: JSON_BODY, body: JSON.stringify(newPatient()) });
    const created = response.body as Patient;

    expect(response.status).toBe(201);
    expect(response.headers.location).toBe(`${TEST_BASE_URL}/Patient/${created.id}/_history/1`);
    expect(response.headers.etag).toBe('W/"1"');
  });

  it("updates with a matching If-Match", async () => {
    await sendFhirRequest(db, "Patient/update-1", { method: "PUT", headers: JSON_BODY, body: JSON.stringify(newPatient("update-1")) });

    const response = await sendFhirRequest(db, "Patient/update-1", {
      method: "PUT",
      headers: { ...JSON_BODY, "If-Match": 'W/"1"' },
      body: JSON.stringify({ ...newPatient("update-1"), gender: "male" }),
    });

    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('W/"2"');
  });

  it("patches with JSON Patch", async () => {
    await sendFhirRequest(db, "Patient/patch-1", { method: "PUT", headers: JSON_BODY, body: JSON.stringify(newPatient("patch-1")) });

    const response = await sendFhirRequest(db, "Patient/patch-1", {
      method: "PATCH",
      headers: { "Content-Type": "application/json-patch+json" },
      body: JSON.stringify([{ op: "replace", path: "/birthDate", value: "2001-02-04" }]),
    });

    expect(response.status).toBe(200);
    expect((response.body as Patient).birthDate).toBe("2001-02-04");
    expect(response.headers.etag).toBe('W/"2"');
  });

  it("deletes with 204, then reads 410 and finds nothing", async () => {
    await sendFhirRequest(db, "Patient/delete-1", { method: "PUT", headers: JSON_BODY, body: JSON.stringify(newPatient("delete-1")) });

    const deleted = await sendFhirRequest(db, "Patient/delete-1", { method: "DELETE" });
    const read = await sendFhirRequest(db, "Patient/delete-1");
    const search = await sendFhirRequest(db, "Patient?_id=delete-1");

    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect(read.status).toBe(410);
    expect((search.body as Bundle).total).toBe(0);
  });
});

describe("handleFhirRequest: conditional writes", () => {
  const withIdentifier = (value: string, id?: string): Patient => ({ ...newPatient(id), identifier: [{ system: "http://lakeview.example/member-id", value }] });

  it("returns the match of a conditional create", async () => {
    const response = await sendFhirRequest(db, "Patient", {
      method: "POST",
      headers: { ...JSON_BODY, "If-None-Exist": "identifier=http://lakeview.example/member-id|M-100" },
      body: JSON.stringify(withIdentifier("M-100")),
    });

    expect(response.status).toBe(200);
    expect((response.body as Patient).id).toBe("pat-ana");
    expect((response.body as Patient).name?.[0]?.family).toBe("Gómez");
  });

  it("creates when a conditional create matches nothing", async () => {
    const response = await sendFhirRequest(db, "Patient", {
      method: "POST",
      headers: { ...JSON_BODY, "If-None-Exist": "Patient?identifier=http://lakeview.example/member-id|C-1" },
      body: JSON.stringify(withIdentifier("C-1")),
    });

    expect(response.status).toBe(201);
    expect((response.body as Patient).identifier?.[0]?.value).toBe("C-1");
  });

  it("updates the one match of a conditional update", async () => {
    await sendFhirRequest(db, "Patient/cond-2", { method: "PUT", headers: JSON_BODY, body: JSON.stringify(withIdentifier("C-2", "cond-2")) });

    const response = await sendFhirRequest(db, "Patient?identifier=http://lakeview.example/member-id|C-2", {
      method: "PUT",
      headers: JSON_BODY,
      body: JSON.stringify({ ...withIdentifier("C-2"), gender: "female" }),
    });

    expect(response.status).toBe(200);
    expect((response.body as Patient).id).toBe("cond-2");
    expect(response.headers.etag).toBe('W/"2"');
  });

  it("creates when a conditional update matches nothing", async () => {
    const response = await sendFhirRequest(db, "Patient?identifier=http://lakeview.example/member-id|C-3", { method: "PUT", headers: JSON_BODY, body: JSON.stringify(withIdentifier("C-3")) });

    expect(response.status).toBe(201);
  });

  it("rejects criteria matching several resources", async () => {
    const response = await sendFhirRequest(db, "Patient?name=gomez", { method: "PUT", headers: JSON_BODY, body: JSON.stringify(newPatient()) });

    expect(response.status).toBe(412);
    expect(response.body).toEqual(outcome("conflict", 'The conditional criteria "name=gomez" match more than one Patient; add parameters until they match one.'));
  });

  it("rejects unknown parameters in criteria", async () => {
    const response = await sendFhirRequest(db, "Patient", { method: "POST", headers: { ...JSON_BODY, "If-None-Exist": "shoe-size=9" }, body: JSON.stringify(newPatient()) });

    expect(response.status).toBe(400);
  });
});

describe("handleFhirRequest: metadata", () => {
  it("lists every supported type with its search parameters", async () => {
    const statement = (await sendFhirRequest(db, "metadata")).body as CapabilityStatement;
    const resources = statement.rest?.[0]?.resource ?? [];
    const patient = resources.find((resource) => resource.type === "Patient");

    expect(statement.fhirVersion).toBe("4.0.1");
    expect(resources.map((resource) => resource.type)).toEqual([...SUPPORTED_RESOURCE_TYPES, "Group", "Measure"].sort());
    expect(patient?.searchParam?.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(["_id", "_lastUpdated", "name", "birthdate", "general-practitioner"]));
  });

  it("lists batch, transaction and the operations", async () => {
    const statement = (await sendFhirRequest(db, "metadata")).body as CapabilityStatement;
    const rest = statement.rest?.[0];
    const operationsOf = (type: string): string[] | undefined => rest?.resource?.find((resource) => resource.type === type)?.operation?.map((operation) => operation.name);

    expect(rest?.interaction).toEqual([{ code: "transaction" }, { code: "batch" }]);
    expect(rest?.operation?.map((operation) => operation.name)).toEqual(["validate", "export", "run"]);
    expect(operationsOf("Patient")).toEqual(["validate", "everything", "export"]);
    expect(rest?.resource?.find((resource) => resource.type === "Patient")?.operation?.find((operation) => operation.name === "everything")?.documentation).toBe(
      "GET only, with _type, _since and _count. AuditEvent resources are left out unless _type names them.",
    );
    expect(operationsOf("Observation")).toEqual(["validate"]);
    expect(operationsOf("Group")).toEqual(["export"]);
    expect(operationsOf("Measure")).toEqual(["care-gaps", "evaluate-measure"]);
    expect(rest?.resource?.find((resource) => resource.type === "Group")?.interaction).toBeUndefined();
  });
});

describe("handleFhirRequest: errors", () => {
  const staleUpdate: TestRequestOptions = {
    method: "PUT",
    headers: { ...JSON_BODY, "If-Match": 'W/"7"' },
    body: JSON.stringify({ resourceType: "Patient", id: "pat-cruz", birthDate: "1990-12-31" }),
  };

  it.each<[name: string, url: string, options: TestRequestOptions, status: number, body: unknown]>([
    ["absent resource", "Patient/absent", {}, 404, outcome("not-found", "Patient/absent is not stored; check the type and id.")],
    ["unknown type", "Spaceship/1", {}, 404, outcome("not-found", "No FHIR endpoint at /Spaceship/1; GET /metadata lists the resource types and interactions this server supports.")],
    ["malformed id", "Patient/not%20an%20id", {}, 400, outcome("invalid", '"not an id" is not a FHIR id; ids are 1 to 64 letters, digits, "-" and ".".')],
    ["bad _count", "Patient?_count=many", {}, 400, outcome("invalid", 'Search parameter "_count" has the value "many"; use a whole number from 0 to 1000.')],
    ["too large _count", "Patient?_count=1001", {}, 400, outcome("invalid", 'Search parameter "_count" has the value "1001"; use a whole number from 0 to 1000.')],
    [
      "bad date",
      "Patient?birthdate=1975-13",
      {},
      400,
      outcome("invalid", 'Search parameter "birthdate" has the value "1975-13", which is not a date; use [prefix]YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|±hh:mm], such as ge2019-07-01.'),
    ],
    [
      ":iterate inside an _include value",
      "ExplanationOfBenefit?_include=ExplanationOfBenefit:*:iterate",
      {},
      400,
      outcome("invalid", 'Search parameter "_include" has the value "ExplanationOfBenefit:*:iterate", but :iterate modifies the parameter name; write _include:iterate=ExplanationOfBenefit:*.'),
    ],
    [
      "member PATCH with a wrong content type",
      "Patient/pat-ana",
      { method: "PATCH", headers: { "Content-Type": "text/plain" }, body: "[]", scope: { kind: "patients", patientIds: ["pat-ana"] } },
      403,
      outcome("forbidden", "PATCH needs write access, and this session may only read; use GET to read and search."),
    ],
    [
      "member POST with a wrong content type",
      "Patient",
      { method: "POST", headers: { "Content-Type": "text/xml" }, body: "<Patient/>", scope: { kind: "patients", patientIds: ["pat-ana"] } },
      403,
      outcome("forbidden", "POST needs write access, and this session may only read; use GET to read and search."),
    ],
    ["bad number", "Observation?value-quantity=gtsix", {}, 400, outcome("invalid", 'Search parameter "value-quantity" has the value "gtsix", which is not a number; use [prefix]decimal, such as gt100 or 5.40.')],
    [
      "ambiguous chain",
      "Observation?subject.name=gomez",
      {},
      400,
      outcome("invalid", 'Search parameter "subject" can refer to Group, Device, Patient, Location; name the type to chain into, such as subject:Patient.name.'),
    ],
    [
      "two-level chain",
      "Observation?subject:Patient.organization.name=x",
      {},
      400,
      outcome("invalid", 'Search parameter "subject:Patient.organization.name" chains more than one reference; this server follows one level, such as subject:Patient.name.'),
    ],
    [
      "unknown chained parameter",
      "Observation?subject:Patient.shoe-size=9",
      {},
      400,
      outcome("invalid", 'Search parameter "shoe-size" is not known for Patient; check the name against GET /metadata, or send Prefer: handling=lenient to ignore it.'),
    ],
    ["token :above", "Observation?code:above=a1c", {}, 400, outcome("invalid", 'Search parameter "code:above" has a modifier this server does not support on token parameters; use :not, :text and :missing.')],
    ["bad :missing", "Observation?code:missing=maybe", {}, 400, outcome("invalid", 'Search parameter "code:missing" has the value "maybe"; :missing takes true or false.')],
    [
      "bad _sort",
      "Patient?_sort=shoe-size",
      {},
      400,
      outcome("invalid", 'Search parameter "_sort" names "shoe-size", which is not a search parameter of Patient; use _id, _lastUpdated or one of the parameters in GET /metadata.'),
    ],
    [
      "bad _include",
      "Patient?_include=Patient:name",
      {},
      400,
      outcome("invalid", 'Search parameter "_include" names "Patient:name", which is not a reference search parameter of Patient; check both names.'),
    ],
    [
      "incomplete _has",
      "Patient?_has:Observation=x",
      {},
      400,
      outcome("invalid", 'Search parameter "_has:Observation" is not a complete _has; write _has:Type:reference:parameter=value, such as _has:Observation:patient:code=4548-4.'),
    ],
    ["bad _total", "Patient?_total=some", {}, 400, outcome("invalid", 'Search parameter "_total" has the value "some"; use one of none, estimate, accurate.')],
    [
      "forged _page",
      "Patient?_page=abc",
      {},
      400,
      outcome("invalid", 'Search parameter "_page" has a value this server did not issue; follow the next and previous links of a search Bundle unchanged.'),
    ],
    ["bad version id", "Patient/pat-cruz/_history/first", {}, 400, outcome("invalid", 'Version id "first" is not a positive whole number; use the meta.versionId of a stored version.')],
    ["absent version", "Patient/pat-cruz/_history/9", {}, 404, outcome("not-found", "Patient/pat-cruz/_history/9 is not stored; list the versions with GET Patient/pat-cruz/_history.")],
    ["XML _format", "Patient?_format=xml", {}, 406, outcome("not-supported", '_format "xml" is not supported; this server sends JSON only, so use _format=json or leave it out.')],
    [
      "XML Accept",
      "Patient",
      { headers: { Accept: "application/fhir+xml" } },
      406,
      outcome("not-supported", 'Accept "application/fhir+xml" names no format this server sends; accept application/fhir+json or application/json.'),
    ],
    [
      "text body",
      "Patient",
      { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" },
      415,
      outcome("not-supported", 'Content-Type "text/plain" is not accepted for POST here; send application/fhir+json or application/json.'),
    ],
    [
      "method on a type",
      "Patient",
      { method: "PATCH", headers: { "Content-Type": "application/json-patch+json" }, body: "[]" },
      405,
      outcome("not-supported", "PATCH is not supported on /Patient; GET /metadata lists the interactions this server supports."),
    ],
    [
      "conditional delete without criteria",
      "Patient",
      { method: "DELETE" },
      400,
      outcome("invalid", 'The conditional criteria "" contain no search parameter; name at least one, such as identifier=system|value.'),
    ],
    ["invalid JSON", "Patient", { method: "POST", headers: JSON_BODY, body: "{" }, 400, outcome("invalid", "The request body is not valid JSON; check it with a JSON parser and resend it.")],
    [
      "wrong resource type",
      "Patient",
      { method: "POST", headers: JSON_BODY, body: '{"resourceType":"Observation"}' },
      400,
      outcome("invalid", "The body is not a Patient; its resourceType must match the type in the URL."),
    ],
    [
      "id mismatch",
      "Patient/pat-cruz",
      { method: "PUT", headers: JSON_BODY, body: '{"resourceType":"Patient","id":"other"}' },
      400,
      outcome("invalid", 'The body\'s id "other" differs from the id "pat-cruz" in the URL; send the same id in both.'),
    ],
    ["stale If-Match", "Patient/pat-cruz", staleUpdate, 412, outcome("conflict", "Patient/pat-cruz is at version 1, not 7; read it again, reapply your change and retry.")],
    [
      "failing patch test",
      "Patient/pat-cruz",
      { method: "PATCH", headers: { "Content-Type": "application/json-patch+json" }, body: '[{"op":"test","path":"/gender","value":"male"}]' },
      400,
      outcome("invalid", "The JSON Patch could not be applied (TEST_OPERATION_FAILED); a test failed or a path does not exist in the current version."),
    ],
    [
      "patch of the id",
      "Patient/pat-cruz",
      { method: "PATCH", headers: { "Content-Type": "application/json-patch+json" }, body: '[{"op":"replace","path":"/id","value":"x"}]' },
      400,
      outcome("invalid", "The patch changes resourceType or id; those are fixed by the URL, so remove the operations on them."),
    ],
  ])("%s", async (_name, url, options, status, body) => {
    const response = await sendFhirRequest(db, url, options);

    expect(response.status).toBe(status);
    expect(response.body).toEqual(body);
    expect(response.headers["content-type"]).toBe(FHIR_JSON_UTF8);
  });
});
