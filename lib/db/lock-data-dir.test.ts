import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { lockDataDir } from "./lock-data-dir";

const folders: string[] = [];

async function newFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "lakeview-lock-"));
  folders.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("lockDataDir", () => {
  it("rejects a folder another live process holds", async () => {
    const dir = await newFolder();
    // The parent of this test process is alive for the whole test.
    await writeFile(path.join(dir, "lakeview.lock"), String(process.ppid));

    expect(() => lockDataDir(dir)).toThrow(`is open in process ${process.ppid}`);
  });

  it("takes over a lock whose process is gone", async () => {
    const dir = await newFolder();
    await writeFile(path.join(dir, "lakeview.lock"), "999999999");

    const release = lockDataDir(dir);

    expect(() => lockDataDir(dir)).not.toThrow();
    release();
  });

  it("frees the folder on release", async () => {
    const dir = await newFolder();

    lockDataDir(dir)();

    expect(() => lockDataDir(dir)()).not.toThrow();
  });
});
