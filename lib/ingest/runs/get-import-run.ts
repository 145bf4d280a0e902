import type { SessionUser } from "../../auth/session-user";
import type { Database } from "../../db/database";
import { FhirError } from "../../fhir/fhir-error";
import { assertImportAdmin } from "./assert-import-admin";
import type { ImportIssueView, ImportRunSummary } from "./import-run-views";
import { toImportRunSummary } from "./to-import-run-summary";

/** The number of issues one run page shows; the rest are counted. */
export const issuePageLimit = 500;

/**
 * Returns a run and its first issues in report order, for an administrator. An issue links to
 * its failed message only while failed_message still contains it. Throws "forbidden" for anyone
 * else and "not-found" for an unknown run id.
 */
export async function getImportRun(db: Database, user: SessionUser | null, runId: string): Promise<{ run: ImportRunSummary; issues: ImportIssueView[]; issueCount: number }> {
  assertImportAdmin(user);

  const run = await db.prisma.importRun.findUnique({ where: { id: runId } });
  if (!run) throw new FhirError("not-found", `Import run "${runId}" does not exist; pick a run from the imports page.`);
  const [rows, issueCount] = await Promise.all([
    db.prisma.importIssue.findMany({ where: { runId }, orderBy: { position: "asc" }, take: issuePageLimit }),
    db.prisma.importIssue.count({ where: { runId } }),
  ]);
  const hashes = rows.flatMap((row) => row.failedMessageHash ?? []);
  const kept = new Set((await db.prisma.failedMessage.findMany({ where: { contentHash: { in: hashes } }, select: { contentHash: true } })).map((row) => row.contentHash));

  const issues = rows.map(
    (row): ImportIssueView => ({
      position: row.position,
      filePath: row.filePath,
      line: row.line,
      messageControlId: row.messageControlId,
      resource: row.resource,
      location: row.location,
      severity: row.severity === "warning" ? "warning" : "error",
      code: row.code,
      text: row.text,
      failedMessageHash: row.failedMessageHash !== null && kept.has(row.failedMessageHash) ? row.failedMessageHash : null,
    }),
  );
  return { run: toImportRunSummary(run), issues, issueCount };
}
