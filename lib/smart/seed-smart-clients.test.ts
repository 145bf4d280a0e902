import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { importJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { getOAuthClient } from "./oauth-client";
import { demoAppClientId, demoBackendClientId, seedSmartClients } from "./seed-smart-clients";
import { verifyClientAssertion } from "./verify-client-assertion";

let db: Database;
let folder: string;

beforeAll(async () => {
  db = await openTestDatabase();
  folder = mkdtempSync(path.join(os.tmpdir(), "lakeview-smart-seed-"));
});

afterAll(async () => {
  await db.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("seedSmartClients", () => {
  it("registers the demo app without a backend key file", async () => {
    await seedSmartClients(db);

    expect((await getOAuthClient(db, demoAppClientId))?.clientType).toBe("public");
    expect(await getOAuthClient(db, demoBackendClientId)).toBeNull();
  });

  it("writes a usable backend key with mode 0600", async () => {
    const keyFile = path.join(folder, "smart-backend-key.json");

    await seedSmartClients(db, { keyFile });
    const { client_id, key } = JSON.parse(readFileSync(keyFile, "utf8")) as { client_id: string; key: { kid: string } };
    const assertion = await new SignJWT({ jti: "seed-test" })
      .setProtectedHeader({ alg: "ES384", kid: key.kid })
      .setIssuer(client_id)
      .setSubject(client_id)
      .setAudience("https://lakeview.test/oauth/token")
      .setExpirationTime("2m")
      .sign(await importJWK(key, "ES384"));
    const client = await verifyClientAssertion(db, { assertionType: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", assertion }, { tokenUrl: "https://lakeview.test/oauth/token" });

    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(client.id).toBe(demoBackendClientId);
    expect(JSON.stringify((await getOAuthClient(db, demoBackendClientId))?.jwks)).not.toContain('"d"');
  });
});
