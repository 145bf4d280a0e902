import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "../../auth/session-user";
import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { portalEventSystem } from "../../audit/audit-codes";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { FhirStore } from "../../fhir/store/fhir-store";
import { importPaths } from "../import-paths";
import { recordImportRun } from "../record-import-run";
import { failedMessageReference } from "./failed-message-reference";
import { getFailedMessage } from "./get-failed-message";
import { getImportRun } from "./get-import-run";
import { listImportRuns } from "./list-import-runs";

const admin: SessionUser = { id: "0b6f7d1e-2a3c-4d5e-8f90-a1b2c3d4e5f6", name: "Ada Admin", role: "admin", patientId: null };
const member: SessionUser = { id: "1c7e8f2a-3b4d-4e6f-9a01-b2c3d4e5f6a7", name: "Mia Member", role: "member", patientId: "access-p1" };
const careManager: SessionUser = { id: "2d8f9a3b-4c5e-4f70-8b12-c3d4e5f6a7b8", name: "Carl Care", role: "care_manager", patientId: null };
const forbidden = "Only administrator accounts can read import runs and failed messages; sign in as an administrator.";

let db: Database;
let dir: string;
let runId: string;
let failedHash: string;

beforeAll(async () => {
  db = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "lakeview-import-access-"));
  await new FhirStore(db).writeAll([{ kind: "put", resource: { resourceType: "Patient", id: "access-p1", identifier: [{ system: "urn:lakeview:hl7v2:authority:HOSP", value: "ACCESS-MRN" }] } }]);
  await writeFile(path.join(dir, "broken.hl7"), "MSH|^~\\&|APP|HOSP|||yesterday||ADT^A04|ACC1|P|2.5\nPID|1||ACCESS-MRN^^^HOSP^MR||DOE^JANE||19800215|F\n");
  ({ runId } = await recordImportRun(db, "cli", async () => ({ report: await importPaths(db, [dir]) })));
  const [row] = await db.sql.query<{ content_hash: string }>("SELECT content_hash FROM failed_message");
  failedHash = row?.content_hash ?? "";
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe("import run pages data", () => {
  it.each([
    ["no session", null],
    ["a member", member],
    ["a care manager", careManager],
  ])("rejects %s on every read", async (_name, user) => {
    await expect(listImportRuns(db, user)).rejects.toMatchObject({ code: "forbidden", message: forbidden });
    await expect(getImportRun(db, user, runId)).rejects.toMatchObject({ code: "forbidden", message: forbidden });
    await expect(getFailedMessage(db, user, failedHash)).rejects.toMatchObject({ code: "forbidden", message: forbidden });
  });

  it("lists runs for an administrator", async () => {
    const runs = await listImportRuns(db, admin);

    expect(runs.map((run) => [run.id, run.status, run.rejected])).toEqual([[runId, "finished", 1]]);
  });

  it("links an issue to its kept message", async () => {
    const { issues, issueCount } = await getImportRun(db, admin, runId);

    expect(issueCount).toBe(1);
    expect(issues[0]).toMatchObject({ severity: "error", code: "message-rejected", line: 1, location: "MSH", failedMessageHash: failedHash });
  });

  it("returns the raw message and the patients it names", async () => {
    const { message, patientIds } = await getFailedMessage(db, admin, failedHash);

    expect(message).toMatchObject({ format: "hl7v2", line: 1, segment: "MSH" });
    expect(message.message).toContain("ACCESS-MRN");
    expect(patientIds).toEqual(["access-p1"]);
  });

  it("audits a view that names no stored patient", async () => {
    const reference = failedMessageReference("f".repeat(64));

    const [event] = await recordAuditEvent(db, { action: "R", subtype: { system: portalEventSystem, code: "admin-failed-message" }, agents: [{ kind: "user", id: admin.id }], patientIds: [], resources: [reference], outcome: "0", recorded: new Date() });

    expect(event?.entity?.map((entity) => entity.what?.reference)).toEqual([reference]);
  });

  it.each([
    ["an unknown run", () => getImportRun(db, admin, "00000000-0000-0000-0000-000000000000"), 'Import run "00000000-0000-0000-0000-000000000000" does not exist; pick a run from the imports page.'],
    ["a malformed message key", () => getFailedMessage(db, admin, "../etc"), '"../etc" is not a failed message key (64 hex digits); open the message from its import run.'],
    ["a message no longer kept", () => getFailedMessage(db, admin, "0".repeat(64)), "This failed message is no longer kept: a retry stored it, or it was removed. Open the latest import run."],
  ])("reports %s as not found", async (_name, read, message) => {
    await expect(read()).rejects.toMatchObject({ code: "not-found", message });
  });
});
