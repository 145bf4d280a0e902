import os from "node:os";
import path from "node:path";

/** Returns the file where the end-to-end run keeps the portal's output, so the teardown can check it for PHI. */
export function serverLogPath(port: number): string {
  return path.join(os.tmpdir(), `lakeview-e2e-${port}.log`);
}
