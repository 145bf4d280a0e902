import type { Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { createAccount, type Account } from "./create-account";
import { verifyCredentials } from "./verify-credentials";

const password = "a long enough password";

describe("verifyCredentials", () => {
  let db: Database;
  let account: Account;

  beforeAll(async () => {
    db = await openTestDatabase();
    await new FhirStore(db).update({ resourceType: "Patient", id: "p-1" } satisfies Patient);
    account = await createAccount(db, { email: "alma@example.org", name: "Alma Reyes", password, role: "member", patientId: "p-1" });
  });

  afterAll(async () => {
    await db.close();
  });

  it("returns the user for the right password", async () => {
    const user = await verifyCredentials(db, "alma@example.org", password);

    expect(user).toEqual({ id: account.id, name: "Alma Reyes", role: "member", patientId: "p-1" });
  });

  it("matches the email in any case", async () => {
    const user = await verifyCredentials(db, " ALMA@Example.org ", password);

    expect(user?.id).toBe(account.id);
  });

  it("rejects a wrong password", async () => {
    expect(await verifyCredentials(db, "alma@example.org", "a long enough passwore")).toBeNull();
  });

  it("rejects an unknown email", async () => {
    expect(await verifyCredentials(db, "nobody@example.org", password)).toBeNull();
  });

  it("rejects an oversized password without hashing it", async () => {
    expect(await verifyCredentials(db, "alma@example.org", "x".repeat(10_000))).toBeNull();
  });
});
