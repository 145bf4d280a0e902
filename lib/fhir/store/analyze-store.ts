import type { Database } from "../../db/database";

/** From this many written resources on, a bulk job brings the planner's statistics up to date. */
export const ANALYZE_AFTER_WRITES = 10_000;

/**
 * Updates PostgreSQL's statistics of the store's tables after a bulk write. The planner works
 * from the row counts of the last ANALYZE, and autovacuum may run it late or, where it is off,
 * never. A type it believes empty gets plans that read every row of that type per match.
 */
export async function analyzeStore(db: Database): Promise<void> {
  await db.exec(
    "ANALYZE resource, resource_version, resource_compartment, search_token, search_string, search_date, search_reference, search_number, search_quantity, search_uri",
  );
}
