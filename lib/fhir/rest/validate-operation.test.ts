import fs from "node:fs";
import path from "node:path";

import type { OperationOutcome, Patient } from "fhir/r4";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { SAMPLE_DATA_DIR } from "../read-sample-resources";
import { sendFhirRequest, type TestRequestOptions } from "./fhir-test-client";

const IG_DIR = path.join(SAMPLE_DATA_DIR, "igs");
const hasIgs = fs.existsSync(IG_DIR);
const US_CORE_PATIENT = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient|6.1.0";
const FHIR_JSON = { "content-type": "application/fhir+json" };

const patient = {
  resourceType: "Patient",
  id: "validate-1",
  meta: { profile: [US_CORE_PATIENT] },
  identifier: [{ system: "https://lakeview.example/fhir/member-id", value: "M1" }],
  name: [{ family: "Rivera", given: ["Ana"] }],
  gender: "female",
  birthDate: "1980-02-03",
} satisfies Patient;

/** The patient without name parts, which breaks US Core's us-core-6 invariant. */
const namelessPatient = { ...patient, name: [{ text: "Ana Rivera" }] } satisfies Patient;

function parametersOf(resource: object, extra: object[] = []): string {
  return JSON.stringify({ resourceType: "Parameters", parameter: [{ name: "resource", resource }, ...extra] });
}

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

function validate(url: string, body: string, scope?: TestRequestOptions["scope"]): ReturnType<typeof sendFhirRequest> {
  return sendFhirRequest(db, url, { method: "POST", headers: FHIR_JSON, body, scope });
}

describe.skipIf(!hasIgs)("POST $validate with profiles", () => {
  it("returns one information issue for a valid resource", async () => {
    vi.stubEnv("LAKEVIEW_IG_DIR", IG_DIR);

    const response = await validate("Patient/$validate", parametersOf(patient));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "information", code: "informational", diagnostics: `No issues found; checked against base FHIR R4 and ${US_CORE_PATIENT}.` }],
    } satisfies OperationOutcome);
  });

  it("returns 200 with the errors of an invalid resource", async () => {
    vi.stubEnv("LAKEVIEW_IG_DIR", IG_DIR);

    const response = await validate("Patient/$validate", JSON.stringify(namelessPatient));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "invariant",
          expression: ["Patient.name[0]"],
          diagnostics:
            `Patient.name[0] fails invariant us-core-6 of ${US_CORE_PATIENT}: At least name.given and/or name.family are present or, if neither is available, the Data Absent Reason Extension is present. ` +
            "(FHIRPath: (family.exists() or given.exists()) xor extension.where(url='http://hl7.org/fhir/StructureDefinition/data-absent-reason').exists()); change the element so that the rule holds.",
        },
      ],
    } satisfies OperationOutcome);
  });

  it("gives the same report at the base", async () => {
    vi.stubEnv("LAKEVIEW_IG_DIR", IG_DIR);

    const atType = await validate("Patient/$validate", parametersOf(namelessPatient));
    const atBase = await validate("$validate", parametersOf(namelessPatient));
    const atInstance = await validate("Patient/validate-1/$validate", parametersOf(namelessPatient, [{ name: "mode", valueCode: "update" }]));

    expect(atBase).toEqual(atType);
    expect(atInstance).toEqual(atType);
  });

  it("checks only a named profile", async () => {
    vi.stubEnv("LAKEVIEW_IG_DIR", IG_DIR);
    const undeclared = { ...namelessPatient, meta: undefined };

    const defaults = await validate("Patient/$validate", parametersOf(undeclared));
    const named = await validate("Patient/$validate", parametersOf(undeclared, [{ name: "profile", valueCanonical: US_CORE_PATIENT }]));

    expect((defaults.body as OperationOutcome).issue.map((issue) => issue.severity)).toEqual(["warning"]);
    expect((named.body as OperationOutcome).issue.map((issue) => issue.severity)).toEqual(["error"]);
  });

  it("stores nothing", async () => {
    vi.stubEnv("LAKEVIEW_IG_DIR", IG_DIR);

    await validate("Patient/$validate", parametersOf(patient));
    const read = await sendFhirRequest(db, "Patient/validate-1");

    expect(read.status).toBe(404);
  });
});

describe("POST $validate without profiles", () => {
  it("reports base R4 errors and that profiles are not configured", async () => {
    vi.stubEnv("LAKEVIEW_IG_DIR", "");

    const response = await validate("Patient/$validate", JSON.stringify({ ...patient, gender: "woman" }));

    expect(response.status).toBe(200);
    const outcome = response.body as OperationOutcome;
    expect(outcome.issue).toHaveLength(2);
    expect(outcome.issue[0]).toMatchObject({ severity: "error", code: "structure", expression: ["Patient.gender"] });
    expect(outcome.issue[1]).toEqual({
      severity: "information",
      code: "informational",
      diagnostics: "Profiles were not checked because this server has no implementation guide folder (LAKEVIEW_IG_DIR); only base FHIR R4 was validated.",
    });
  });

  it("needs an id in mode update", async () => {
    vi.stubEnv("LAKEVIEW_IG_DIR", "");
    const withoutId = { ...patient, id: undefined };

    const response = await validate("Patient/$validate", parametersOf(JSON.parse(JSON.stringify(withoutId)), [{ name: "mode", valueCode: "update" }]));

    expect(response.status).toBe(200);
    expect((response.body as OperationOutcome).issue[0]).toEqual({
      severity: "error",
      code: "required",
      expression: ["Patient.id"],
      diagnostics: "mode update validates a resource that replaces a stored one, so it needs an id; add the id, or use mode create.",
    });
  });
});

interface RejectedCase {
  name: string;
  url: string;
  body: string;
  status: number;
  diagnostics: string;
  scope?: { kind: "patients"; patientIds: string[] };
}

const rejectedCases: RejectedCase[] = [
  { name: "a body that is not JSON", url: "Patient/$validate", body: "{", status: 400, diagnostics: 'The body of POST Patient/$validate is not JSON; send a Parameters resource with a "resource" parameter, or the resource itself.' },
  {
    name: "a body without resourceType",
    url: "$validate",
    body: "{}",
    status: 400,
    diagnostics: "POST $validate takes a Parameters resource or a FHIR resource as its body, and this body has no resourceType.",
  },
  {
    name: "Parameters without a resource",
    url: "Patient/$validate",
    body: JSON.stringify({ resourceType: "Parameters", parameter: [{ name: "mode", valueCode: "create" }] }),
    status: 400,
    diagnostics: 'POST Patient/$validate needs exactly one "resource" parameter whose resource is the one to validate.',
  },
  {
    name: "an unknown parameter",
    url: "Patient/$validate",
    body: parametersOf(patient, [{ name: "strict", valueBoolean: true }]),
    status: 400,
    diagnostics: 'Patient/$validate has no parameter "strict"; it takes resource, mode, profile.',
  },
  {
    name: "mode delete",
    url: "Patient/$validate",
    body: parametersOf(patient, [{ name: "mode", valueCode: "delete" }]),
    status: 400,
    diagnostics: 'mode "delete" is not supported by Patient/$validate; use create or update (delete and profile are not supported).',
  },
  {
    name: "a resource of another type",
    url: "Observation/$validate",
    body: JSON.stringify(patient),
    status: 400,
    diagnostics: "Observation/$validate validates Observation resources, and the body contains a Patient; POST it to /Patient/$validate or /$validate.",
  },
  {
    name: "an id that differs from the URL",
    url: "Patient/other/$validate",
    body: JSON.stringify(patient),
    status: 400,
    diagnostics: 'Patient/other/$validate validates Patient/other, and the body\'s id is "validate-1"; make them match.',
  },
  {
    name: "a profile that is not loaded",
    url: "Patient/$validate",
    body: parametersOf(patient, [{ name: "profile", valueCanonical: "http://example.org/StructureDefinition/unknown" }]),
    status: 400,
    diagnostics:
      'Profile "http://example.org/StructureDefinition/unknown" cannot be checked because no implementation guide folder is configured on this server; leave out the profile parameter to check the declared and default profiles.',
  },
  {
    name: "an unsupported type",
    url: "Widget/$validate",
    body: JSON.stringify({ resourceType: "Widget" }),
    status: 404,
    diagnostics: "No FHIR endpoint at /Widget/$validate; GET /metadata lists the resource types this server supports.",
  },
  {
    name: "a member session",
    url: "Patient/$validate",
    body: JSON.stringify(patient),
    status: 403,
    diagnostics: "Patient/$validate needs the right to create resources, and this session may only read.",
    scope: { kind: "patients", patientIds: ["validate-1"] },
  },
];

const issueCodeOf: Record<number, string> = { 400: "invalid", 403: "forbidden", 404: "not-found" };

describe("POST $validate rejects unusable input", () => {
  it.each(rejectedCases)("rejects $name", async ({ url, body, status, diagnostics, scope }) => {
    vi.stubEnv("LAKEVIEW_IG_DIR", "");

    const response = await validate(url, body, scope);

    expect(response.status).toBe(status);
    expect(response.body).toEqual({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: issueCodeOf[status], diagnostics }] });
  });
});
