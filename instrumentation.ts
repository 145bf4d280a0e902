/**
 * Opens and migrates the database when the Node server starts, not on the first request. The
 * PGlite folder is then locked for as long as the portal runs, and a misconfigured database
 * stops the start instead of failing a member's first page.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") {
    return;
  }
  const { getDatabase } = await import("./lib/db/get-database");
  await getDatabase();
}
