import type { Observation, OperationOutcome, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { FhirStore } from "../store/fhir-store";
import type { AccessScope } from "../search/access-scope";
import { sendFhirRequest } from "./fhir-test-client";

const GLUCOSE_VIEW = {
  resourceType: "ViewDefinition",
  name: "glucose",
  resource: "Observation",
  select: [
    {
      column: [
        { name: "id", path: "getResourceKey()", type: "id" },
        { name: "patient_id", path: "subject.getReferenceKey(Patient)", type: "id" },
        { name: "value", path: "value.ofType(Quantity).value", type: "decimal" },
        { name: "note", path: "note.text.first()", type: "string" },
      ],
    },
  ],
};

const MEMBER_A: AccessScope = { kind: "patients", patientIds: ["run-a"] };

function observation(id: string, patientId: string, value: number, note?: string): Observation {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code: "2339-0" }] },
    subject: { reference: `Patient/${patientId}` },
    valueQuantity: { value, unit: "mg/dL" },
    ...(note ? { note: [{ text: note }] } : {}),
  };
}

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  const store = new FhirStore(db);
  for (const id of ["run-a", "run-b"]) await store.update({ resourceType: "Patient", id } satisfies Patient);
  await store.update(observation("obs-a1", "run-a", 95, 'fasting, "before breakfast"'));
  await store.update(observation("obs-a2", "run-a", 140));
  await store.update(observation("obs-b1", "run-b", 210));

  const saved = await sendFhirRequest(db, "ViewDefinition/glucose", { method: "PUT", body: JSON.stringify(GLUCOSE_VIEW), headers: { "content-type": "application/fhir+json" } });
  expect(saved.status).toBe(201);
});

afterAll(async () => {
  await db?.close();
});

function runBody(parameters: unknown[]): { method: string; body: string; headers: Record<string, string> } {
  return { method: "POST", body: JSON.stringify({ resourceType: "Parameters", parameter: parameters }), headers: { "content-type": "application/fhir+json" } };
}

describe("ViewDefinition/$run", () => {
  it("reports the patients behind the returned rows for the audit", async () => {
    const all = await sendFhirRequest(db, "ViewDefinition/$run?viewReference=ViewDefinition/glucose");
    const limited = await sendFhirRequest(db, "ViewDefinition/$run?viewReference=ViewDefinition/glucose&_limit=1");
    const memberA = await sendFhirRequest(db, "ViewDefinition/$run?viewReference=ViewDefinition/glucose", { scope: MEMBER_A });

    expect(all.auditPatientIds).toEqual(["run-a", "run-b"]);
    expect(limited.auditPatientIds).toEqual(["run-a"]);
    expect(memberA.auditPatientIds).toEqual(["run-a"]);
  });

  it("reports no patients for inline resources", async () => {
    const response = await sendFhirRequest(db, "ViewDefinition/$run", runBody([{ name: "viewResource", resource: GLUCOSE_VIEW }, { name: "resource", resource: observation("inline-1", "run-b", 1) }]));

    expect(response.status).toBe(200);
    expect(response.auditPatientIds).toEqual([]);
  });

  it("runs a stored view over the store as JSON", async () => {
    const response = await sendFhirRequest(db, "ViewDefinition/$run?viewReference=ViewDefinition/glucose");

    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(response.body as string)).toEqual([
      { id: "obs-a1", patient_id: "run-a", value: 95, note: 'fasting, "before breakfast"' },
      { id: "obs-a2", patient_id: "run-a", value: 140, note: null },
      { id: "obs-b1", patient_id: "run-b", value: 210, note: null },
    ]);
  });

  it("returns CSV with quoting and a header", async () => {
    const response = await sendFhirRequest(db, "ViewDefinition/glucose/$run?_format=csv");

    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.body).toBe('id,patient_id,value,note\r\nobs-a1,run-a,95,"fasting, ""before breakfast"""\r\nobs-a2,run-a,140,\r\nobs-b1,run-b,210,\r\n');
  });

  it("returns NDJSON cut at _limit", async () => {
    const response = await sendFhirRequest(db, "ViewDefinition/glucose/$run?_format=ndjson&_limit=2");

    expect(response.headers["content-type"]).toBe("application/x-ndjson; charset=utf-8");
    expect((response.body as string).trim().split("\n").map((line) => JSON.parse(line).id)).toEqual(["obs-a1", "obs-a2"]);
  });

  it("runs an inline view over inline resources", async () => {
    const response = await sendFhirRequest(
      db,
      "ViewDefinition/$run",
      runBody([
        { name: "viewResource", resource: GLUCOSE_VIEW },
        { name: "resource", resource: observation("inline-1", "x", 7) },
        { name: "_format", valueCode: "csv" },
        { name: "header", valueBoolean: false },
      ]),
    );

    expect(response.status).toBe(200);
    expect(response.body).toBe("inline-1,x,7,\r\n");
  });

  it("narrows to a patient", async () => {
    const response = await sendFhirRequest(db, "ViewDefinition/glucose/$run?patient=Patient/run-b");

    expect(JSON.parse(response.body as string).map((row: { id: string }) => row.id)).toEqual(["obs-b1"]);
  });

  it("gives a member only their own rows", async () => {
    const response = await sendFhirRequest(db, "ViewDefinition/glucose/$run", { scope: MEMBER_A });

    expect(JSON.parse(response.body as string).map((row: { id: string }) => row.id)).toEqual(["obs-a1", "obs-a2"]);
  });

  it("hides another member's patient filter", async () => {
    const response = await sendFhirRequest(db, "ViewDefinition/glucose/$run?patient=Patient/run-b", { scope: MEMBER_A });

    expect(response.status).toBe(404);
    expect((response.body as OperationOutcome).issue[0]?.diagnostics).toBe("Patient/run-b is not stored; check the type and id.");
  });

  it("keeps a care manager inside the panel", async () => {
    const response = await sendFhirRequest(db, "ViewDefinition/glucose/$run?_format=csv&header=false", { scope: { kind: "patients", patientIds: ["run-b"] } });

    expect(response.body).toBe("obs-b1,run-b,210,\r\n");
  });

  it("rejects a member storing a view", async () => {
    const response = await sendFhirRequest(db, "ViewDefinition", { method: "POST", body: JSON.stringify(GLUCOSE_VIEW), scope: MEMBER_A, headers: { "content-type": "application/fhir+json" } });

    expect(response.status).toBe(403);
  });

  it("reads a stored view back", async () => {
    const response = await sendFhirRequest(db, "ViewDefinition/glucose");

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ...GLUCOSE_VIEW, id: "glucose", meta: { versionId: "1" } });
  });

  it("stores nothing for an invalid view", async () => {
    const body = JSON.stringify({ resource: "Observation", select: [{ column: [{ name: "id", path: "id" }, { name: "id", path: "status" }] }] });

    const saved = await sendFhirRequest(db, "ViewDefinition/twice", { method: "PUT", body, headers: { "content-type": "application/fhir+json" } });
    const read = await sendFhirRequest(db, "ViewDefinition/twice");

    expect(saved.status).toBe(400);
    expect((saved.body as OperationOutcome).issue[0]?.diagnostics).toBe('The column name "id" appears twice in the view; give each column its own name.');
    expect(read.status).toBe(404);
  });

  it("lists stored views", async () => {
    const response = await sendFhirRequest(db, "ViewDefinition", { scope: MEMBER_A });

    expect(response.status).toBe(200);
    expect((response.body as { entry?: { resource: { id: string } }[] }).entry?.map((entry) => entry.resource.id)).toEqual(["glucose"]);
  });

  const errors: { name: string; url: string; options?: Parameters<typeof sendFhirRequest>[2]; status: number; diagnostics: string }[] = [
    { name: "no view", url: "ViewDefinition/$run", status: 400, diagnostics: "$run needs exactly one view: give viewResource (inline, POST only) or viewReference (ViewDefinition/[id]), or call ViewDefinition/[id]/$run." },
    { name: "unknown view", url: "ViewDefinition/nope/$run", status: 404, diagnostics: "ViewDefinition/nope is not stored; check the id, or send the definition inline as viewResource." },
    { name: "bad format", url: "ViewDefinition/glucose/$run?_format=xml", status: 400, diagnostics: '_format "xml" is not supported by $run; use json, ndjson or csv.' },
    { name: "bad limit", url: "ViewDefinition/glucose/$run?_limit=0", status: 400, diagnostics: '_limit "0" is not a whole number from 1 to 100000; give the maximum number of rows.' },
    { name: "bad patient", url: "ViewDefinition/glucose/$run?patient=run-a", status: 400, diagnostics: 'patient "run-a" is not a Patient reference; give it as Patient/[id].' },
    { name: "unknown parameter", url: "ViewDefinition/glucose/$run?source=x", status: 400, diagnostics: 'Parameter "source" is not supported by $run; use viewResource, viewReference, resource, patient, group, _format, header or _limit.' },
    {
      name: "invalid inline view",
      url: "ViewDefinition/$run",
      options: runBody([{ name: "viewResource", resource: { resource: "Observation", select: [{ column: [{ name: "bad name", path: "id" }] }] } }]),
      status: 400,
      diagnostics: 'ViewDefinition.select[0].column[0].name: "bad name" is not a column name; use letters, digits and _ starting with a letter',
    },
    {
      name: "invalid stored view",
      url: "ViewDefinition/bad",
      options: { method: "PUT", body: JSON.stringify({ resource: "Observation", select: [{ column: [{ name: "x", path: "value +" }] }] }), headers: { "content-type": "application/fhir+json" } },
      status: 400,
      diagnostics: expect.stringMatching(/^ViewDefinition\.select\[0\]\.column\[0\]\.path "value \+" is not a valid FHIRPath expression \(.*\); fix its syntax\.$/) as unknown as string,
    },
  ];

  it.each(errors)("rejects $name", async ({ url, options, status, diagnostics }) => {
    const response = await sendFhirRequest(db, url, options);

    expect(response.status).toBe(status);
    expect(response.body).toEqual({ resourceType: "OperationOutcome", issue: [expect.objectContaining({ severity: "error", diagnostics })] });
  });
});
