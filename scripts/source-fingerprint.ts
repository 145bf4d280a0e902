import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const sourceEntries = ["app", "components", "lib", "prisma", "public", "next.config.ts", "package-lock.json", "tsconfig.json"];
const skipped = new Set(["node_modules", ".next", "generated"]);

/** Hashes the files a production build depends on, so `npm start` rebuilds only after a change. */
export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const entry of sourceEntries) {
    addPath(hash, root, entry);
  }
  return hash.digest("hex");
}

function addPath(hash: ReturnType<typeof createHash>, root: string, relative: string): void {
  const full = path.join(root, relative);
  let stats;
  try {
    stats = statSync(full);
  } catch {
    return; // An optional entry, such as public/, may be absent.
  }
  if (stats.isDirectory()) {
    for (const name of readdirSync(full).sort()) {
      if (!skipped.has(name) && !name.endsWith(".test.ts")) addPath(hash, root, path.join(relative, name));
    }
    return;
  }
  hash.update(relative).update("\0").update(readFileSync(full)).update("\0");
}
