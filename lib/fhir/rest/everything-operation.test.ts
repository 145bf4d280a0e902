import path from "node:path";

import type { Bundle } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { recordAuditEvent } from "../../audit/record-audit-event";
import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { importPaths } from "../../ingest/import-paths";
import { hasSampleData, SAMPLE_DATA_DIR } from "../read-sample-resources";
import type { AccessScope } from "../search/access-scope";
import { FhirStore } from "../store/fhir-store";
import { sendFhirRequest } from "./fhir-test-client";

const IRIS = path.join(SAMPLE_DATA_DIR, "synthea/iris-fhir-template");
const FRANKIE = "a5b737fb-1f94-4767-802b-1112051f5101";
const CARROLL = "274f5452-2a39-44c4-a7cb-f36de467762e";
const FRANKIE_SCOPE: AccessScope = { kind: "patients", patientIds: [FRANKIE] };

let db: Database;

beforeAll(async () => {
  if (!hasSampleData()) return;
  db = await openTestDatabase();
  await importPaths(db, [
    path.join(IRIS, "hospitalInformation1596649672088.json"),
    path.join(IRIS, "practitionerInformation1596649672088.json"),
    path.join(IRIS, "Frankie174_Jast432_a5b737fb-1f94-4767-802b-1112051f5101.json"),
    path.join(IRIS, "Carroll471_O'Hara248_274f5452-2a39-44c4-a7cb-f36de467762e.json"),
  ]);
});

afterAll(async () => {
  await db?.close();
});

/** Follows every next link and returns all entries' resources. */
async function readAllPages(url: string, scope?: AccessScope): Promise<{ resourceType: string; id?: string }[]> {
  const resources: { resourceType: string; id?: string }[] = [];
  for (let next: string | undefined = url; next; ) {
    const response = await sendFhirRequest(db, next, { scope });
    expect(response.status).toBe(200);
    const bundle = response.body as Bundle;
    resources.push(...(bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : [])));
    next = bundle.link?.find((link) => link.relation === "next")?.url;
  }
  return resources;
}

function countByType(resources: { resourceType: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
  return counts;
}

describe.skipIf(!hasSampleData())("Patient/[id]/$everything", () => {
  it("returns a Synthea patient's record", async () => {
    const resources = await readAllPages(`Patient/${FRANKIE}/$everything?_count=200`);

    expect(resources[0]).toMatchObject({ resourceType: "Patient", id: FRANKIE });
    // The same counts as the patient's Synthea file; the Organizations and Practitioners are the
    // ones its Encounters, Claims and ExplanationOfBenefits refer to.
    expect(countByType(resources)).toEqual({
      CarePlan: 2,
      CareTeam: 2,
      Claim: 59,
      Condition: 3,
      DiagnosticReport: 5,
      Encounter: 30,
      ExplanationOfBenefit: 30,
      Goal: 2,
      Immunization: 13,
      MedicationRequest: 29,
      Observation: 100,
      Organization: 3,
      Patient: 1,
      Practitioner: 3,
      Procedure: 5,
    });
    expect(new Set(resources.map((resource) => `${resource.resourceType}/${resource.id ?? ""}`)).size).toBe(resources.length);
  });

  it("pages with _count and reports the total", async () => {
    const response = await sendFhirRequest(db, `Patient/${FRANKIE}/$everything?_count=100`);

    const bundle = response.body as Bundle;
    expect(bundle.type).toBe("searchset");
    expect(bundle.total).toBe(287);
    expect(bundle.entry).toHaveLength(100);
    expect(bundle.link?.map((link) => link.relation)).toEqual(["self", "next"]);
    expect((await readAllPages(`Patient/${FRANKIE}/$everything?_count=100`)).length).toBe(287);
  });

  it("limits the types with _type", async () => {
    const resources = await readAllPages(`Patient/${FRANKIE}/$everything?_type=Patient,Condition,Organization`);

    expect(countByType(resources)).toEqual({ Patient: 1, Condition: 3, Organization: 3 });
  });

  it("keeps only later updates with _since", async () => {
    const future = await sendFhirRequest(db, `Patient/${FRANKIE}/$everything?_since=2999-01-01T00:00:00Z`);
    const past = await sendFhirRequest(db, `Patient/${FRANKIE}/$everything?_since=2000-01-01T00:00:00Z&_count=1`);

    expect((future.body as Bundle).total).toBe(0);
    expect((past.body as Bundle).total).toBe(287);
  });

  it("serves a member their own record", async () => {
    const resources = await readAllPages(`Patient/${FRANKIE}/$everything?_count=500`, FRANKIE_SCOPE);

    expect(resources).toHaveLength(287);
  });

  it("hides another patient's record from a member", async () => {
    const response = await sendFhirRequest(db, `Patient/${CARROLL}/$everything`, { scope: FRANKIE_SCOPE });

    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "not-found", diagnostics: `Patient/${CARROLL} is not stored; check the type and id.` }],
    });
  });

  it("keeps to the scope's resource types", async () => {
    const scope: AccessScope = { ...FRANKIE_SCOPE, resourceTypes: ["Patient", "Encounter"] };

    const resources = await readAllPages(`Patient/${FRANKIE}/$everything?_count=500`, scope);

    expect(countByType(resources)).toEqual({ Patient: 1, Encounter: 30 });
  });

  it("leaves out AuditEvents unless named", async () => {
    await new FhirStore(db).update({ resourceType: "Organization", id: "org-looked-at", name: "Looked-at Clinic" });
    const before = await sendFhirRequest(db, `Patient/${FRANKIE}/$everything?_count=1`);
    const [access] = await recordAuditEvent(db, {
      action: "R",
      subtype: { system: "https://lakeview.example/fhir/CodeSystem/portal-event", code: "care-member-view" },
      agents: [{ kind: "user", id: "casey", display: "Casey Morgan" }],
      patientIds: [FRANKIE],
      resources: ["Organization/org-looked-at"],
      outcome: "0",
      address: "203.0.113.7",
      recorded: new Date("2026-12-05T10:00:00Z"),
    });

    const after = await sendFhirRequest(db, `Patient/${FRANKIE}/$everything?_count=1`);
    const everything = await readAllPages(`Patient/${FRANKIE}/$everything?_count=200`);
    const named = await readAllPages(`Patient/${FRANKIE}/$everything?_type=AuditEvent`);
    const organizations = await readAllPages(`Patient/${FRANKIE}/$everything?_type=AuditEvent,Organization&_count=200`);

    expect((after.body as Bundle).total).toBe((before.body as Bundle).total);
    expect(everything.filter((resource) => resource.resourceType === "AuditEvent")).toEqual([]);
    expect(named.map((resource) => resource.id)).toEqual([access?.id]);
    // The Organization the access looked at is not part of the record, even with its type named.
    expect(organizations.map((resource) => resource.id)).toContain(access?.id);
    expect(organizations.map((resource) => resource.id)).not.toContain("org-looked-at");
  });

  it("rejects an unknown _type", async () => {
    const response = await sendFhirRequest(db, `Patient/${FRANKIE}/$everything?_type=Spaceship`);

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "invalid", diagnostics: '_type names "Spaceship", which this server does not serve; GET /metadata lists the resource types.' }],
    });
  });
});
