import type { Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAccount } from "../../auth/create-account";
import type { SessionUser } from "../../auth/session-user";
import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { FhirStore } from "../store/fhir-store";
import { getAccessScope } from "./get-access-scope";

const password = "a long enough password";
let db: Database;
let careManager: SessionUser;

beforeAll(async () => {
  db = await openTestDatabase();
  await new FhirStore(db).writeAll(["p-1", "p-2", "p-3"].map((id) => ({ kind: "put" as const, resource: { resourceType: "Patient", id } satisfies Patient })));
  const account = await createAccount(db, { email: "casey@example.org", name: "Casey Manager", password, role: "care_manager", panelPatientIds: ["p-3", "p-1"] });
  careManager = { id: account.id, name: "Casey Manager", role: "care_manager", patientId: null };
});

afterAll(async () => {
  await db.close();
});

describe("getAccessScope", () => {
  it("limits a member to their own patient", async () => {
    const scope = await getAccessScope(db, { id: "u-1", name: "Alma", role: "member", patientId: "p-2" });

    expect(scope).toEqual({ kind: "patients", patientIds: ["p-2"] });
  });

  it("gives an unlinked member no patients", async () => {
    const scope = await getAccessScope(db, { id: "u-2", name: "Ben", role: "member", patientId: null });

    expect(scope).toEqual({ kind: "patients", patientIds: [] });
  });

  it("gives a care manager their panel", async () => {
    const scope = await getAccessScope(db, careManager);

    expect(scope).toEqual({ kind: "patients", patientIds: ["p-1", "p-3"], compartmentParams: { Coverage: ["beneficiary"] } });
  });

  it("gives an admin everything", async () => {
    const scope = await getAccessScope(db, { id: "u-3", name: "Ada", role: "admin", patientId: null });

    expect(scope).toEqual({ kind: "all" });
  });
});
