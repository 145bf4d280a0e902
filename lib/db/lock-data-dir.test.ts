import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { lockDataDir } from "./lock-data-dir";

describe("lockDataDir", () => {
  it("rejects a folder another live process holds", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lakeview-lock-"));
    // The parent of this test process is alive for the whole test.
    await writeFile(path.join(dir, "lakeview.lock"), String(process.ppid));

    expect(() => lockDataDir(dir)).toThrow(`is open in process ${process.ppid}`);
  });

  it("takes over a lock whose process is gone", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lakeview-lock-"));
    await writeFile(path.join(dir, "lakeview.lock"), "999999999");

    const release = lockDataDir(dir);

    expect(() => lockDataDir(dir)).not.toThrow();
    release();
  });

  it("frees the folder on release", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lakeview-lock-"));

    lockDataDir(dir)();

    expect(() => lockDataDir(dir)()).not.toThrow();
  });
});
