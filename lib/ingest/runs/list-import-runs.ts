import type { SessionUser } from "../../auth/session-user";
import type { Database } from "../../db/database";
import { assertImportAdmin } from "./assert-import-admin";
import type { ImportRunSummary } from "./import-run-views";
import { toImportRunSummary } from "./to-import-run-summary";

/** The number of runs the imports page lists, newest first. */
export const recentRunLimit = 50;

/** Lists the most recent import runs, newest first, for an administrator; throws "forbidden" for anyone else. */
export async function listImportRuns(db: Database, user: SessionUser | null): Promise<ImportRunSummary[]> {
  assertImportAdmin(user);

  const runs = await db.prisma.importRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "asc" }], take: recentRunLimit });
  return runs.map(toImportRunSummary);
}
