import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { readFile } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { hasSampleData, SAMPLE_DATA_DIR } from "../../fhir/read-sample-resources";
import { FhirStore } from "../../fhir/store/fhir-store";
import { importPaths } from "../import-paths";
import { hashMessage } from "./failed-message-registry";
import { retryFailedMessages } from "./retry-failed-messages";

let db: Database;
let dir: string;

// A message the converter of an earlier release could not read, stored as that release kept it.
const convertibleNow = ["MSH|^~\\&|APP|FAC|||20260304120000||ADT^A04|RETRY1|P|2.5", "PID|1||RETRY-MRN1^^^HOSP^MR||DOE^JANE||19800215|F"].join("\r");
const stillBroken = ["MSH|^~\\&|APP|FAC|||yesterday||ADT^A04|RETRY2|P|2.5", "PID|1||RETRY-MRN2^^^HOSP^MR||ROE^RICHARD||19700101|M"];

beforeAll(async () => {
  db = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "lakeview-retry-failed-"));
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

async function listFailed(): Promise<{ content_hash: string; path: string; line: number; segment: string }[]> {
  return db.sql.query("SELECT content_hash, path, line, segment FROM failed_message ORDER BY line");
}

describe("retryFailedMessages", () => {
  it("stores what converts now and keeps the rest", async () => {
    const file = path.join(dir, "adt.hl7");
    await writeFile(file, ["MSH|^~\\&|APP|FAC|||20260304120000||ADT^A04|RETRY0|P|2.5", "PID|1||RETRY-MRN0^^^HOSP^MR||POE^ANN||19900101|F", ...stillBroken].join("\n"));
    await importPaths(db, [file]);
    await db.sql.execute("INSERT INTO failed_message (content_hash, format, path, line, segment, reason, message) VALUES ($1, 'hl7v2', $2, 7, 'PID', 'old converter', $3)", [hashMessage(convertibleNow), file, convertibleNow]);

    const outcome = await retryFailedMessages(db);

    const stored = await new FhirStore(db).findIdsByToken("Patient", "identifier", undefined, "RETRY-MRN1");
    const failed = await listFailed();
    expect(outcome).toMatchObject({ retried: 2, resolved: 1 });
    expect(outcome.report.rejections.map((rejection) => [path.basename(rejection.file), rejection.line])).toEqual([["adt.hl7", 3]]);
    expect(stored).toHaveLength(1);
    expect(failed).toEqual([{ content_hash: hashMessage(stillBroken.join("\r")), path: file, line: 3, segment: "MSH" }]);
  });

  it.skipIf(!hasSampleData())("reads a kept X12 transaction set inside its envelope", async () => {
    const remittance = await readFile(path.join(SAMPLE_DATA_DIR, "x12/linuxforhealth-x12/835_005010X221A1/managed-care.835"), "utf8");
    const file = path.join(dir, "remittance.835");
    await writeFile(file, remittance.replace("CLP*5554555444*1*", "CLP*5554555444*9*"));
    await importPaths(db, [file]);
    const [kept] = await db.sql.query<{ content_hash: string; message: string }>("SELECT content_hash, message FROM failed_message WHERE path = $1", [file]);

    const outcome = await retryFailedMessages(db);

    const rejection = outcome.report.rejections.find((candidate) => candidate.file === file);
    expect(kept?.message.split("\n").map((segment) => segment.slice(0, 3))).toEqual(["ISA", "GS*", ...Array<string>(26).fill(expect.any(String)), "GE*", "IEA"]);
    expect(rejection?.line).toBe(3);
    expect(rejection?.issues[0]?.diagnostics).toContain('CLP02 "9" is not a claim status code');
    expect((await listFailed()).filter((row) => row.path === file)).toEqual([{ content_hash: kept?.content_hash, path: file, line: 3, segment: "CLP" }]);
    await db.sql.execute("DELETE FROM failed_message WHERE path = $1", [file]);
  });

  it("removes a message an earlier run already stored", async () => {
    await db.sql.execute("INSERT INTO failed_message (content_hash, format, path, line, segment, reason, message) VALUES ($1, 'hl7v2', 'old.hl7', 1, 'PID', 'old converter', $2)", [hashMessage(convertibleNow), convertibleNow]);

    const outcome = await retryFailedMessages(db);

    expect(outcome).toMatchObject({ retried: 2, resolved: 1 });
    expect(outcome.report.byType.get("Patient")).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
    expect((await listFailed()).map((row) => row.line)).toEqual([3]);
  });
});
