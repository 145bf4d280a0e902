import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { DatabaseOpenError } from "./database-open-error";

/**
 * Takes the lock file that keeps a second process from opening the same PGlite data folder,
 * which would corrupt it. A lock left by a process that no longer runs is taken over.
 * Returns the function that releases it.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "lakeview.lock");

  try {
    writeFileSync(lockPath, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number(readFileSync(lockPath, "utf8"));
    if (holder !== process.pid && isRunning(holder)) {
      throw new DatabaseOpenError(
        `The PGlite data folder ${dataDir} is open in process ${holder}. Stop that process (the portal or another command) first, ` +
          "or run both against PostgreSQL by setting DATABASE_URL.",
      );
    }
    writeFileSync(lockPath, String(process.pid));
  }

  return () => rmSync(lockPath, { force: true });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
