import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { AuditEvent, FhirResource, Group, Observation, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { sendFhirRequest, TEST_BASE_URL } from "../rest/fhir-test-client";
import type { FhirResponse } from "../rest/fhir-request";
import type { AccessScope } from "../search/access-scope";
import { FhirStore } from "../store/fhir-store";
import { createBulkExportJob } from "./bulk-export-jobs";
import { downloadExportFile } from "./download-export-file";
import { whenBulkExportSettled } from "./ensure-bulk-export-running";
import { toCallerKey } from "./to-caller-key";

const ADMIN: AccessScope = { kind: "all" };
const MEMBER_A: AccessScope = { kind: "patients", patientIds: ["pat-a"] };
const MEMBER_B: AccessScope = { kind: "patients", patientIds: ["pat-b"] };

let db: Database;
let exportDir: string;
let store: FhirStore;

beforeAll(async () => {
  db = await openTestDatabase();
  exportDir = await mkdtemp(path.join(tmpdir(), "lakeview-export-test-"));
  store = new FhirStore(db);
  const patient = (id: string): Patient => ({ resourceType: "Patient", id, name: [{ family: id }] });
  const observation = (id: string, patientId: string): Observation => ({ resourceType: "Observation", id, status: "final", code: { text: "Pulse" }, subject: { reference: `Patient/${patientId}` } });
  await store.writeAll(
    [
      patient("pat-a"),
      patient("pat-b"),
      patient("pat-c"),
      observation("obs-a1", "pat-a"),
      observation("obs-a2", "pat-a"),
      observation("obs-a3", "pat-a"),
      observation("obs-b1", "pat-b"),
      observation("obs-c1", "pat-c"),
      { resourceType: "Organization", id: "org-used", name: "Lakeview Clinic" },
      { resourceType: "Organization", id: "org-unused", name: "Elsewhere Clinic" },
      { resourceType: "Encounter", id: "enc-a1", status: "finished", class: { code: "AMB" }, subject: { reference: "Patient/pat-a" }, serviceProvider: { reference: "Organization/org-used" } },
      { resourceType: "Group", id: "group-ab", type: "person", actual: true, member: [{ entity: { reference: "Patient/pat-a" } }, { entity: { reference: "Patient/pat-b" } }] } satisfies Group,
      accessOf("audit-a1", "pat-a"),
    ].map((resource) => ({ kind: "put" as const, resource: resource as FhirResource })),
  );
});

/**
 * Builds the AuditEvent of a care manager reading a patient's record, in that patient's
 * compartment. It also names org-unused, which nothing in the record refers to.
 */
function accessOf(id: string, patientId: string): AuditEvent {
  return {
    resourceType: "AuditEvent",
    id,
    type: { system: "http://dicom.nema.org/resources/ontology/DCM", code: "110110", display: "Patient Record" },
    action: "R",
    recorded: "2026-12-01T10:00:00Z",
    agent: [{ requestor: true, who: { display: "Casey Morgan" }, network: { address: "203.0.113.7", type: "2" } }],
    source: { observer: { display: "Lakeview portal" } },
    entity: [{ what: { reference: `Patient/${patientId}` } }, { what: { reference: "Organization/org-unused" } }],
  };
}

afterAll(async () => {
  await db.close();
  await rm(exportDir, { recursive: true, force: true });
});

const KICK_OFF_HEADERS = { Accept: "application/fhir+json", Prefer: "respond-async" };

function send(url: string, scope: AccessScope, method = "GET", headers: Record<string, string> = KICK_OFF_HEADERS): Promise<FhirResponse> {
  return sendFhirRequest(db, url, { method, headers, scope, context: { now: () => new Date(), bulkExport: { exportDir, maxResourcesPerFile: 2 } } });
}

/** Starts an export, waits for this process's run to end, and returns the status URL's path. */
async function exportAndWait(url: string, scope: AccessScope): Promise<string> {
  const kickOff = await send(url, scope);
  expect(kickOff.status).toBe(202);
  const statusPath = (kickOff.headers["content-location"] ?? "").replace(`${TEST_BASE_URL}/`, "");
  await whenBulkExportSettled(statusPath.split("/")[1] ?? "");
  return statusPath;
}

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: unknown[];
}

/** Downloads every file of a manifest and returns the resources per type. */
async function downloadAll(manifest: Manifest, scope: AccessScope): Promise<Record<string, FhirResource[]>> {
  const byType: Record<string, FhirResource[]> = {};
  for (const file of manifest.output) {
    const [jobId = "", fileName = ""] = file.url.replace(`${TEST_BASE_URL}/bulk-files/`, "").split("/");
    const download = await downloadExportFile(db, scope, jobId, fileName, exportDir);
    expect(download.status).toBe(200);
    const text = "path" in download ? await readFile(download.path, "utf8") : "";
    const resources = text.trimEnd().split("\n").map((line) => JSON.parse(line) as FhirResource);
    expect(resources).toHaveLength(file.count);
    (byType[file.type] ??= []).push(...resources);
  }
  return byType;
}

function idsOf(byType: Record<string, FhirResource[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(byType).map(([type, resources]) => [type, resources.map((resource) => resource.id ?? "")]));
}

describe("bulk $export", () => {
  it("exports the whole store and serves its files", async () => {
    const statusPath = await exportAndWait("$export?_type=Patient,Observation,Organization", ADMIN);

    const status = await send(statusPath, ADMIN);

    expect(status.status).toBe(200);
    expect(status.headers["content-type"]).toBe("application/json; charset=utf-8");
    const manifest = status.body as Manifest;
    expect(manifest.request).toBe(`${TEST_BASE_URL}/$export?_type=Patient%2CObservation%2COrganization`);
    expect(manifest.requiresAccessToken).toBe(true);
    expect(manifest.output.map((file) => [file.type, file.count])).toEqual([
      ["Patient", 2],
      ["Patient", 1],
      ["Observation", 2],
      ["Observation", 2],
      ["Observation", 1],
      ["Organization", 2],
    ]);
    const exported = await downloadAll(manifest, ADMIN);
    expect(exported.Patient).toEqual(await store.listAll("Patient"));
    expect(exported.Observation).toEqual(await store.listAll("Observation"));
    expect(exported.Organization).toEqual(await store.listAll("Organization"));
  });

  it("limits a member's Patient export to their data", async () => {
    const statusPath = await exportAndWait("Patient/$export", MEMBER_A);

    const manifest = (await send(statusPath, MEMBER_A)).body as Manifest;

    expect(idsOf(await downloadAll(manifest, MEMBER_A))).toEqual({
      Encounter: ["enc-a1"],
      Observation: ["obs-a1", "obs-a2", "obs-a3"],
      Organization: ["org-used"],
      Patient: ["pat-a"],
    });
  });

  it("exports AuditEvents only when named", async () => {
    const statusPath = await exportAndWait("Patient/$export?_type=Patient,AuditEvent", MEMBER_A);

    const manifest = (await send(statusPath, MEMBER_A)).body as Manifest;

    // The member's export without _type, in the test above, has no AuditEvent file although pat-a has one.
    expect(idsOf(await downloadAll(manifest, MEMBER_A))).toEqual({ Patient: ["pat-a"], AuditEvent: ["audit-a1"] });
  });

  it("exports a Group's members", async () => {
    const statusPath = await exportAndWait("Group/group-ab/$export?_type=Patient,Observation", ADMIN);

    const manifest = (await send(statusPath, ADMIN)).body as Manifest;

    expect(idsOf(await downloadAll(manifest, ADMIN))).toEqual({ Patient: ["pat-a", "pat-b"], Observation: ["obs-a1", "obs-a2", "obs-a3", "obs-b1"] });
  });

  it("keeps only later changes with _since", async () => {
    const since = new Date();
    await store.update({ resourceType: "Observation", id: "obs-b1", status: "amended", code: { text: "Pulse" }, subject: { reference: "Patient/pat-b" } });

    const statusPath = await exportAndWait(`$export?_type=Observation,Patient&_since=${since.toISOString()}`, ADMIN);

    const manifest = (await send(statusPath, ADMIN)).body as Manifest;
    expect(idsOf(await downloadAll(manifest, ADMIN))).toEqual({ Observation: ["obs-b1"] });
  });

  it("hides a job and its files from another caller", async () => {
    const statusPath = await exportAndWait("Patient/$export", MEMBER_A);
    const manifest = (await send(statusPath, MEMBER_A)).body as Manifest;
    const [jobId = "", fileName = ""] = (manifest.output[0]?.url ?? "").replace(`${TEST_BASE_URL}/bulk-files/`, "").split("/");
    const notFound = {
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "not-found", diagnostics: `No export job ${jobId} of this caller; use the Content-Location URL the kick-off returned.` }],
    };

    const poll = await send(statusPath, MEMBER_B);
    const cancel = await send(statusPath, MEMBER_B, "DELETE");
    const download = await downloadExportFile(db, MEMBER_B, jobId, fileName, exportDir);

    expect(poll.status).toBe(404);
    expect(poll.body).toEqual(notFound);
    expect(cancel.status).toBe(404);
    expect(download).toEqual({
      status: 404,
      headers: { "content-type": "application/fhir+json; charset=utf-8" },
      body: {
        resourceType: "OperationOutcome",
        issue: [{ severity: "error", code: "not-found", diagnostics: `The export file ${jobId}/${fileName} is not available; take the file URLs from the completed job's manifest.` }],
      },
    });
    expect((await send(statusPath, MEMBER_A)).status).toBe(200);
  });

  it("reports progress while another process runs the job", async () => {
    const job = await createBulkExportJob(db.sql, {
      owner: toCallerKey(ADMIN, undefined),
      scope: ADMIN,
      level: "system",
      types: ["Patient", "Observation"],
      requestUrl: `${TEST_BASE_URL}/$export`,
      transactionTime: new Date(),
    });
    await db.sql.execute("UPDATE bulk_export_job SET heartbeat_at = now() WHERE id = $1::uuid", [job.id]);

    const status = await send(`bulk-status/${job.id}`, ADMIN);

    expect(status).toEqual({ status: 202, headers: { "x-progress": "0 of 2 resource types exported", "retry-after": "2" } });
    await whenBulkExportSettled(job.id);
    expect((await send(`bulk-status/${job.id}`, ADMIN)).status).toBe(202);
  });

  it("resumes a job after a restart", async () => {
    const job = await createBulkExportJob(db.sql, {
      owner: toCallerKey(ADMIN, undefined),
      scope: ADMIN,
      level: "system",
      types: ["Patient", "Observation"],
      requestUrl: `${TEST_BASE_URL}/$export`,
      transactionTime: new Date(),
    });
    // The stopped process had finished Patient and was half way through Observation.
    const folder = path.join(exportDir, job.id);
    await mkdir(folder, { recursive: true });
    const patientLines = `${(await store.listAll("Patient")).map((resource) => JSON.stringify(resource)).join("\n")}\n`;
    await writeFile(path.join(folder, "Patient-1.ndjson"), patientLines);
    await writeFile(path.join(folder, "Observation-1.ndjson"), '{"resourceType":"Obser');
    await db.sql.execute(
      "UPDATE bulk_export_job SET done_types = 1, output = $2::jsonb, heartbeat_at = now() - interval '1 hour' WHERE id = $1::uuid",
      [job.id, JSON.stringify([{ type: "Patient", file: "Patient-1.ndjson", count: 3 }])],
    );

    const resumed = await send(`bulk-status/${job.id}`, ADMIN);
    await whenBulkExportSettled(job.id);
    const done = await send(`bulk-status/${job.id}`, ADMIN);

    expect(resumed.status).toBe(202);
    expect(done.status).toBe(200);
    const manifest = done.body as Manifest;
    expect(manifest.output.map((file) => [file.type, file.count])).toEqual([
      ["Patient", 3],
      ["Observation", 2],
      ["Observation", 2],
      ["Observation", 1],
    ]);
    const exported = await downloadAll(manifest, ADMIN);
    expect(exported.Observation).toEqual(await store.listAll("Observation"));
    expect(await readdir(folder)).toEqual(["Observation-1.ndjson", "Observation-2.ndjson", "Observation-3.ndjson", "Patient-1.ndjson"]);
  });

  it("cancels a job and removes its files", async () => {
    const statusPath = await exportAndWait("$export?_type=Patient", ADMIN);
    const jobId = statusPath.split("/")[1] ?? "";

    const cancel = await send(statusPath, ADMIN, "DELETE");

    expect(cancel).toEqual({ status: 202, headers: {} });
    expect((await send(statusPath, ADMIN)).status).toBe(404);
    await expect(readdir(path.join(exportDir, jobId))).rejects.toThrow(/ENOENT/);
  });

  it.each([
    ["no Prefer header", "$export", ADMIN, { Accept: "application/fhir+json" }, 400, "invalid", 'An export runs asynchronously, and the request has no "Prefer: respond-async" header; add it and resend.'],
    ["another output format", "$export?_outputFormat=text/csv", ADMIN, KICK_OFF_HEADERS, 400, "invalid", '_outputFormat "text/csv" is not supported; this server writes application/fhir+ndjson, so use that or leave it out.'],
    ["_typeFilter", "$export?_typeFilter=Observation%3Fstatus%3Dfinal", ADMIN, KICK_OFF_HEADERS, 400, "invalid", "The export parameters _typeFilter are not supported; leave them out and filter the files instead."],
    ["a system export by a member", "$export", MEMBER_A, KICK_OFF_HEADERS, 403, "forbidden", "A system export covers every patient, and this session may see only some; use GET /Patient/$export."],
    ["a Group export by a member", "Group/group-ab/$export", MEMBER_A, KICK_OFF_HEADERS, 403, "forbidden", "A group export covers every patient, and this session may see only some; use GET /Patient/$export."],
    ["an absent Group", "Group/no-group/$export", ADMIN, KICK_OFF_HEADERS, 404, "not-found", "Group/no-group is not stored; check the type and id."],
    ["an unknown job", "bulk-status/00000000-0000-4000-8000-000000000000", ADMIN, {}, 404, "not-found", "No export job 00000000-0000-4000-8000-000000000000 of this caller; use the Content-Location URL the kick-off returned."],
  ])("rejects %s", async (_name, url, scope, headers, status, code, diagnostics) => {
    const response = await send(url, scope, "GET", headers);

    expect(response.status).toBe(status);
    expect(response.body).toEqual({ resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] });
  });
});
