import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Account } from "./create-account";
import { createCredentialsFile } from "./credentials-file";

const account: Account = { id: "u-1", email: "ana-ruiz-demo-pat-0001@members.lakeview.example", name: "Ana Ruiz", role: "member", patientId: "demo-pat-0001" };

describe("createCredentialsFile", () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "lakeview-credentials-"));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("writes owner-only tab-separated lines", async () => {
    const path = join(folder, "accounts.tsv");

    const file = await createCredentialsFile(path);
    await file.write(account, "s3cret-password-value");
    await file.close();

    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, "utf8")).toBe(
      "email\tpassword\tpatientId\nana-ruiz-demo-pat-0001@members.lakeview.example\ts3cret-password-value\tdemo-pat-0001\n",
    );
  });

  it("rejects an existing file", async () => {
    const path = join(folder, "existing.tsv");
    await writeFile(path, "keep me\n");

    await expect(createCredentialsFile(path)).rejects.toMatchObject({ code: "EEXIST" });
    expect(await readFile(path, "utf8")).toBe("keep me\n");
  });
});
