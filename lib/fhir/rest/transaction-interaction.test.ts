import type { Bundle as R4Bundle, BundleEntry, Encounter, FhirResource, Observation, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import type { AccessScope } from "../search/access-scope";
import { FhirStore } from "../store/fhir-store";
import { sendFhirRequest, TEST_BASE_URL } from "./fhir-test-client";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

type Bundle = R4Bundle<FhirResource>;

const JSON_BODY = { "Content-Type": "application/fhir+json" };

function postBundle(bundle: Bundle, scope?: AccessScope): ReturnType<typeof sendFhirRequest> {
  return sendFhirRequest(db, "", { method: "POST", headers: JSON_BODY, body: JSON.stringify(bundle), scope });
}

function patient(family: string, identifier?: string): Patient {
  return { resourceType: "Patient", name: [{ family }], ...(identifier ? { identifier: [{ system: "urn:test:mrn", value: identifier }] } : {}) };
}

async function countPatients(family: string): Promise<number> {
  const response = await sendFhirRequest(db, `Patient?family=${family}&_total=accurate&_count=0`);
  return (response.body as Bundle).total ?? -1;
}

describe("transaction Bundle", () => {
  it("writes nothing when one entry fails", async () => {
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { fullUrl: "urn:uuid:0a000000-0000-4000-8000-000000000001", resource: patient("Rollback"), request: { method: "POST", url: "Patient" } },
        { resource: { resourceType: "Patient", id: "rollback-2", birthDate: "not-a-date" } as Patient, request: { method: "PUT", url: "Patient/rollback-2" } },
      ],
    };

    const response = await postBundle(bundle);

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "invalid",
          diagnostics: expect.stringMatching(/^Entry 1 \(PUT Patient\/rollback-2\) failed, so the transaction wrote nothing: .*birthDate/),
          expression: ["Patient.birthDate"],
        },
      ],
    });
    expect(await countPatients("Rollback")).toBe(0);
    expect((await sendFhirRequest(db, "Patient/rollback-2")).status).toBe(404);
  });

  it("rolls back earlier deletes when a later entry fails", async () => {
    await new FhirStore(db).update({ resourceType: "Patient", id: "keep-me", name: [{ family: "Keeper" }] });
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { request: { method: "DELETE", url: "Patient/keep-me" } },
        { request: { method: "GET", url: "Patient/absent-patient" } },
      ],
    };

    const response = await postBundle(bundle);

    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "not-found",
          diagnostics: "Entry 1 (GET Patient/absent-patient) failed, so the transaction wrote nothing: Patient/absent-patient is not stored; check the type and id.",
          expression: ["Bundle.entry[1]"],
        },
      ],
    });
    expect((await sendFhirRequest(db, "Patient/keep-me")).status).toBe(200);
  });

  it("rewrites urn:uuid references to the assigned ids", async () => {
    const patientUrl = "urn:uuid:0b000000-0000-4000-8000-000000000001";
    const encounterUrl = "urn:uuid:0b000000-0000-4000-8000-000000000002";
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        // The Observation comes first and refers to entries that follow it.
        {
          fullUrl: "urn:uuid:0b000000-0000-4000-8000-000000000003",
          resource: { resourceType: "Observation", status: "final", code: { text: "Pulse" }, subject: { reference: patientUrl }, encounter: { reference: encounterUrl } },
          request: { method: "POST", url: "Observation" },
        },
        { fullUrl: encounterUrl, resource: { resourceType: "Encounter", status: "finished", class: { code: "AMB" }, subject: { reference: patientUrl } }, request: { method: "POST", url: "Encounter" } },
        { fullUrl: patientUrl, resource: patient("Linked"), request: { method: "POST", url: "Patient" } },
      ],
    };

    const response = await postBundle(bundle);

    expect(response.status).toBe(200);
    const result = response.body as Bundle;
    expect(result.type).toBe("transaction-response");
    expect(result.entry?.map((entry) => entry.response?.status)).toEqual(["201 Created", "201 Created", "201 Created"]);
    const [observation, encounter, created] = (result.entry ?? []).map((entry) => entry.resource);
    const patientRef = `Patient/${created?.id ?? ""}`;
    expect((observation as Observation).subject?.reference).toBe(patientRef);
    expect((observation as Observation).encounter?.reference).toBe(`Encounter/${encounter?.id ?? ""}`);
    expect((encounter as Encounter).subject?.reference).toBe(patientRef);
    const stored = await new FhirStore(db).read("Observation", observation?.id ?? "");
    expect(stored.subject?.reference).toBe(patientRef);
  });

  it("answers with location, etag and lastModified", async () => {
    const bundle: Bundle = { resourceType: "Bundle", type: "transaction", entry: [{ resource: { ...patient("Headers"), id: "headers-1" }, request: { method: "PUT", url: "Patient/headers-1" } }] };

    const response = await postBundle(bundle);

    const entry = (response.body as Bundle).entry?.[0];
    expect(entry?.fullUrl).toBe(`${TEST_BASE_URL}/Patient/headers-1`);
    expect(entry?.response).toEqual({
      status: "201 Created",
      location: `${TEST_BASE_URL}/Patient/headers-1/_history/1`,
      etag: 'W/"1"',
      lastModified: entry?.resource?.meta?.lastUpdated,
    });
  });

  it("processes deletes, creates, updates, then reads", async () => {
    await new FhirStore(db).update({ ...patient("Order"), id: "order-1" });
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { request: { method: "GET", url: "Patient?family=Order" } },
        { resource: { ...patient("Order"), id: "order-2" }, request: { method: "PUT", url: "Patient/order-2" } },
        { resource: patient("Order"), request: { method: "POST", url: "Patient" } },
        { request: { method: "DELETE", url: "Patient/order-1" } },
      ],
    };

    const response = await postBundle(bundle);

    expect(response.status).toBe(200);
    const entries = (response.body as Bundle).entry ?? [];
    expect(entries.map((entry) => entry.response?.status)).toEqual(["200 OK", "201 Created", "201 Created", "204 No Content"]);
    // The search ran last, so it finds the two new Patients and not the deleted one.
    const search = entries[0]?.resource as Bundle;
    expect(search.total).toBe(2);
    expect(search.entry?.map((entry) => entry.resource?.id)).not.toContain("order-1");
  });

  it("resolves conditional create, update and delete", async () => {
    const store = new FhirStore(db);
    const existing = await store.create(patient("Conditional", "mrn-1"));
    await store.create(patient("Conditional", "mrn-3"));
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { fullUrl: "urn:uuid:0c000000-0000-4000-8000-000000000001", resource: patient("Conditional", "mrn-1"), request: { method: "POST", url: "Patient", ifNoneExist: "identifier=urn:test:mrn|mrn-1" } },
        { resource: { ...patient("Conditional", "mrn-2"), gender: "female" }, request: { method: "PUT", url: "Patient?identifier=urn:test:mrn|mrn-2" } },
        { request: { method: "DELETE", url: "Patient?identifier=urn:test:mrn|mrn-3" } },
        {
          resource: { resourceType: "Observation", status: "final", code: { text: "Weight" }, subject: { reference: "urn:uuid:0c000000-0000-4000-8000-000000000001" } },
          request: { method: "POST", url: "Observation" },
        },
      ],
    };

    const response = await postBundle(bundle);

    expect(response.status).toBe(200);
    const entries = (response.body as Bundle).entry ?? [];
    expect(entries.map((entry) => entry.response?.status)).toEqual(["200 OK", "201 Created", "204 No Content", "201 Created"]);
    expect(entries[0]?.resource?.id).toBe(existing.id);
    expect((entries[3]?.resource as Observation).subject?.reference).toBe(`Patient/${existing.id ?? ""}`);
    expect((await sendFhirRequest(db, "Patient?identifier=urn:test:mrn|mrn-3&_total=accurate")).body).toMatchObject({ total: 0 });
    expect((await sendFhirRequest(db, "Patient?identifier=urn:test:mrn|mrn-2&_total=accurate")).body).toMatchObject({ total: 1 });
  });

  it("fails with 412 when a conditional update matches two", async () => {
    const store = new FhirStore(db);
    await store.create(patient("Twin", "twin"));
    await store.create(patient("Twin", "twin"));
    const bundle: Bundle = { resourceType: "Bundle", type: "transaction", entry: [{ resource: patient("Twin", "twin"), request: { method: "PUT", url: "Patient?identifier=urn:test:mrn|twin" } }] };

    const response = await postBundle(bundle);

    expect(response.status).toBe(412);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "conflict",
          diagnostics:
            'Entry 0 (PUT Patient?identifier=urn:test:mrn|twin) failed, so the transaction wrote nothing: The conditional criteria "identifier=urn%3Atest%3Amrn%7Ctwin" match more than one Patient; add parameters until they match one.',
          expression: ["Bundle.entry[0]"],
        },
      ],
    });
  });

  it("rejects a urn:uuid reference to no entry", async () => {
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [{ resource: { resourceType: "Observation", status: "final", code: { text: "Pulse" }, subject: { reference: "urn:uuid:0d000000-0000-4000-8000-000000000009" } }, request: { method: "POST", url: "Observation" } }],
    };

    const response = await postBundle(bundle);

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "invalid",
          diagnostics:
            'Entry 0 (POST Observation) failed, so the transaction wrote nothing: Reference "urn:uuid:0d000000-0000-4000-8000-000000000009" matches no entry\'s fullUrl in this Bundle; add that entry or use a relative reference such as Patient/123.',
          expression: ["Observation.subject.reference"],
        },
      ],
    });
  });

  it("rejects two entries that change one resource", async () => {
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { resource: { ...patient("Twice"), id: "twice" }, request: { method: "PUT", url: "Patient/twice" } },
        { request: { method: "DELETE", url: "Patient/twice" } },
      ],
    };

    const response = await postBundle(bundle);

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "invalid", diagnostics: "Entries 1 and 0 both change Patient/twice; a transaction may change each resource once, so merge them.", expression: ["Bundle.entry[0]"] }],
    });
  });

  it("applies a JSON Patch carried in a Binary", async () => {
    await new FhirStore(db).update({ ...patient("Patched"), id: "patch-1" });
    const patch = JSON.stringify([{ op: "add", path: "/gender", value: "female" }]);
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [{ resource: { resourceType: "Binary", contentType: "application/json-patch+json", data: Buffer.from(patch).toString("base64") }, request: { method: "PATCH", url: "Patient/patch-1" } }],
    };

    const response = await postBundle(bundle);

    expect(response.status).toBe(200);
    expect((response.body as Bundle).entry?.[0]?.response?.status).toBe("200 OK");
    expect((await new FhirStore(db).read("Patient", "patch-1")).gender).toBe("female");
  });

  it("forbids writes to a member", async () => {
    const bundle: Bundle = { resourceType: "Bundle", type: "transaction", entry: [{ resource: patient("Member"), request: { method: "POST", url: "Patient" } }] };

    const response = await postBundle(bundle, { kind: "patients", patientIds: ["keep-me"] });

    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "forbidden", diagnostics: "This transaction writes, and this session may only read; send reads alone, or as a batch." }],
    });
  });
});

describe("batch Bundle", () => {
  it("answers each entry on its own", async () => {
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "batch",
      entry: [
        { resource: patient("Batch"), request: { method: "POST", url: "Patient" } },
        { resource: { resourceType: "Patient", birthDate: "never" } as Patient, request: { method: "POST", url: "Patient" } },
        { request: { method: "GET", url: "Patient/absent-batch" } },
        { resource: { ...patient("Batch"), id: "batch-2" }, request: { method: "PUT", url: "Patient/batch-2" } },
      ],
    };

    const response = await postBundle(bundle);

    expect(response.status).toBe(200);
    const entries = (response.body as Bundle).entry ?? [];
    expect((response.body as Bundle).type).toBe("batch-response");
    expect(entries.map((entry) => entry.response?.status)).toEqual(["201 Created", "400 Bad Request", "404 Not Found", "201 Created"]);
    expect(entries[2]?.response?.outcome).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "not-found", diagnostics: "Patient/absent-batch is not stored; check the type and id." }],
    });
    expect(await countPatients("Batch")).toBe(2);
  });

  it("answers a member's reads within the member's scope", async () => {
    const store = new FhirStore(db);
    await store.update({ ...patient("Own"), id: "member-own" });
    await store.update({ ...patient("Other"), id: "member-other" });
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "batch",
      entry: [
        { request: { method: "GET", url: "Patient/member-own" } },
        { request: { method: "GET", url: "Patient/member-other" } },
        { request: { method: "GET", url: "Patient?_count=50" } },
        { request: { method: "DELETE", url: "Patient/member-own" } },
      ],
    };

    const response = await postBundle(bundle, { kind: "patients", patientIds: ["member-own"] });

    const entries: BundleEntry[] = (response.body as Bundle).entry ?? [];
    expect(entries.map((entry) => entry.response?.status)).toEqual(["200 OK", "404 Not Found", "200 OK", "403 Forbidden"]);
    expect((entries[2]?.resource as Bundle).entry?.map((entry) => entry.resource?.id)).toEqual(["member-own"]);
    expect((await sendFhirRequest(db, "Patient/member-own")).status).toBe(200);
  });

  it("returns the match of a conditional create", async () => {
    const existing = await new FhirStore(db).create(patient("BatchMatch", "batch-mrn"));
    const bundle: Bundle = { resourceType: "Bundle", type: "batch", entry: [{ resource: patient("BatchMatch", "batch-mrn"), request: { method: "POST", url: "Patient", ifNoneExist: "identifier=urn:test:mrn|batch-mrn" } }] };

    const response = await postBundle(bundle);

    const entry = (response.body as Bundle).entry?.[0];
    expect(entry?.response?.status).toBe("200 OK");
    expect(entry?.resource?.id).toBe(existing.id);
    expect(await countPatients("BatchMatch")).toBe(1);
  });

  it("hides another patient's $everything from a member", async () => {
    const bundle: Bundle = { resourceType: "Bundle", type: "batch", entry: [{ request: { method: "GET", url: "Patient/member-other/$everything" } }] };

    const response = await postBundle(bundle, { kind: "patients", patientIds: ["member-own"] });

    expect((response.body as Bundle).entry?.[0]?.response).toEqual({
      status: "404 Not Found",
      outcome: { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found", diagnostics: "Patient/member-other is not stored; check the type and id." }] },
    });
  });

  it("rejects a Bundle of another type", async () => {
    const response = await postBundle({ resourceType: "Bundle", type: "collection" });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "invalid", diagnostics: "POST to the base takes a Bundle of type batch or transaction; send one, or POST a resource to its type." }],
    });
  });
});
