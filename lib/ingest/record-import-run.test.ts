import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { importPaths } from "./import-paths";
import { recordImportRun, saveRunOutcome } from "./record-import-run";

let db: Database;
let dir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "lakeview-import-run-"));
  await writeFile(path.join(dir, "patient.json"), JSON.stringify({ resourceType: "Patient", id: "run-p1", gender: "female" }));
  await writeFile(path.join(dir, "bad.ndjson"), `${JSON.stringify({ resourceType: "Patient", id: "run-p2", birthDate: "1990-13-45" })}\n`);
  await writeFile(
    path.join(dir, "messages.hl7"),
    [
      "MSH|^~\\&|APP|FAC|||20260304120000||ADT^A04|RUN1|P|2.5",
      "PID|1||RUN-MRN1^^^HOSP^MR||DOE^JANE||19801345|F",
      "MSH|^~\\&|APP|FAC|||yesterday||ADT^A04|RUN2|P|2.5",
      "PID|1||RUN-MRN2^^^HOSP^MR||ROE^RICHARD||19700101|M",
    ].join("\n"),
  );
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

interface RunRow {
  status: string;
  source: string;
  file_count: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
  failed: number;
  finished: boolean;
}

async function readRun(runId: string): Promise<RunRow | undefined> {
  const [row] = await db.sql.query<RunRow>(
    "SELECT status, source, file_count, created, updated, unchanged, rejected, warnings, failed, finished_at IS NOT NULL AS finished FROM import_run WHERE id = $1",
    [runId],
  );
  return row;
}

async function readIssues(runId: string): Promise<string[]> {
  const rows = await db.sql.query<{ position: number; file_path: string; line: number | null; message_control_id: string | null; location: string | null; severity: string; code: string; failed: boolean }>(
    "SELECT position, file_path, line, message_control_id, location, severity, code, failed_message_hash IS NOT NULL AS failed FROM import_issue WHERE run_id = $1 ORDER BY position",
    [runId],
  );
  return rows.map((row) => [row.position, path.basename(row.file_path), row.line, row.message_control_id, row.location, row.severity, row.code, row.failed].join(" "));
}

describe("recordImportRun", () => {
  it("records counts and issues of a finished run", async () => {
    const { runId, report } = await recordImportRun(db, "cli", async () => ({ report: await importPaths(db, [dir]) }));

    expect(report.rejections).toHaveLength(2);
    expect(await readRun(runId)).toEqual({ status: "finished", source: "cli", file_count: 3, created: 3, updated: 0, unchanged: 0, rejected: 2, warnings: 1, failed: 0, finished: true });
    expect(await readIssues(runId)).toEqual([
      "0 bad.ndjson 1  Patient.birthDate error entry-rejected false",
      "1 messages.hl7 3  MSH error message-rejected true",
      "2 messages.hl7 1 RUN1 PID-7 warning value-left-out false",
    ]);
  });

  it("writes the same rows when an outcome is saved again", async () => {
    const { runId, report } = await recordImportRun(db, "api", async () => ({ report: await importPaths(db, [dir]) }));
    const first = await readIssues(runId);

    await db.transaction((sql) => saveRunOutcome(sql, runId, report));

    expect(await readIssues(runId)).toEqual(first);
    expect(await readRun(runId)).toMatchObject({ source: "api", status: "finished", created: 0, rejected: 2 });
  });

  it("marks a run failed when the import throws", async () => {
    const before = await db.sql.query<{ id: string }>("SELECT id FROM import_run");

    const result = recordImportRun(db, "cli", () => Promise.reject(new Error("disk full")));

    await expect(result).rejects.toThrow("disk full");
    const [row] = await db.sql.query<{ status: string; finished: boolean }>("SELECT status, finished_at IS NOT NULL AS finished FROM import_run WHERE id <> ALL($1::text[])", [before.map((run) => run.id)]);
    expect(row).toEqual({ status: "failed", finished: true });
  });
});
