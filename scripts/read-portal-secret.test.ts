import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { readOrCreateSecret, readPortalSecret } from "./read-portal-secret";

const envSecret = "k3J9-pQz7_Lm2Vx8Rt5Wb1Nc6Hd4Fg0Ys";
const fileSecret = "file-secret-Q8w7E6r5T4y3U2i1O0pAsDf";

let folder: string;
let secretFile: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "lakeview-secret-"));
  secretFile = path.join(folder, ".data", "nextauth-secret");
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("readPortalSecret", () => {
  it("prefers NEXTAUTH_SECRET", () => {
    readOrCreateSecret(secretFile);

    expect(readPortalSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: envSecret }, secretFile)).toBe(envSecret);
  });

  it("reads the file without NEXTAUTH_SECRET", () => {
    writeFileSync(path.join(folder, "secret"), `${fileSecret}\n`);

    expect(readPortalSecret({ NODE_ENV: "production" }, path.join(folder, "secret"))).toBe(fileSecret);
  });

  it("returns null and creates no file", () => {
    expect(readPortalSecret({ NODE_ENV: "production" }, secretFile)).toBeNull();
    expect(existsSync(secretFile)).toBe(false);
  });

  it("rejects a short NEXTAUTH_SECRET", () => {
    expect(() => readPortalSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: "short" }, secretFile)).toThrow(/NEXTAUTH_SECRET is 5 characters long/);
  });
});

describe("readOrCreateSecret", () => {
  it("creates an owner-only file once", () => {
    const created = readOrCreateSecret(secretFile);
    const readAgain = readOrCreateSecret(secretFile);

    expect(created).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readAgain).toBe(created);
    expect(readFileSync(secretFile, "utf8")).toBe(created);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
  });
});
