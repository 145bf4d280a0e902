/**
 * Opens and migrates the database when the Node server starts, not on the first request, so the
 * PGlite folder is locked for as long as the portal runs. `npm start` has checked the database
 * before it starts any server. When the open fails here all the same (the database went away
 * meanwhile), Next.js logs the error and serves on, and each request tries to open it again.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") {
    return;
  }
  const { getDatabase } = await import("./lib/db/get-database");
  await getDatabase();
}
