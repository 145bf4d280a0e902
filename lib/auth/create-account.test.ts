import type { Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { createAccount } from "./create-account";
import type { CreateAccountInput } from "./create-account-schema";
import { verifyPassword } from "./hash-password";

const password = "a long enough password";

function patient(id: string): Patient {
  return { resourceType: "Patient", id, name: [{ given: ["Test"], family: id }] } satisfies Patient;
}

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; issues: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FhirError) {
      return { code: error.code, issues: error.issues };
    }
    throw error;
  }
  throw new Error("expected createAccount to reject");
}

describe("createAccount", () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    const store = new FhirStore(db);
    await store.writeAll(["p-1", "p-2", "p-3", "p-gone"].map((id) => ({ kind: "put" as const, resource: patient(id) })));
    await store.remove("Patient", "p-gone");
  });

  afterAll(async () => {
    await db.close();
  });

  it("creates a member linked to a stored patient", async () => {
    const account = await createAccount(db, { email: "  Alma.Reyes@Example.org ", name: "Alma Reyes", password, role: "member", patientId: "p-1" });

    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(account).toEqual({ id: stored.id, email: "alma.reyes@example.org", name: "Alma Reyes", role: "member", patientId: "p-1" });
    expect(await verifyPassword(stored.passwordHash, password)).toBe(true);
  });

  it("creates a care manager with a panel", async () => {
    const account = await createAccount(db, { email: "cm@example.org", name: "Casey Morgan", password, role: "care_manager", panelPatientIds: ["p-2", "p-3", "p-2"] });

    const panel = await db.prisma.carePanelMember.findMany({ where: { careManagerId: account.id }, orderBy: { patientId: "asc" } });
    expect(panel.map((member) => member.patientId)).toEqual(["p-2", "p-3"]);
  });

  const invalidCases: { name: string; input: CreateAccountInput; issues: { diagnostics: string; expression: string }[] }[] = [
    {
      name: "malformed email",
      input: { email: "alma@", name: "Alma", password, role: "admin" },
      issues: [{ diagnostics: 'Email "alma@" is not a valid email address; use one like name@example.org.', expression: "email" }],
    },
    {
      name: "short password",
      input: { email: "short@example.org", name: "Short", password: "eleven char", role: "admin" },
      issues: [{ diagnostics: "Password is 11 characters long; use at least 12.", expression: "password" }],
    },
    {
      name: "member without a patient",
      input: { email: "nopatient@example.org", name: "No Patient", password, role: "member" },
      issues: [{ diagnostics: "A member account needs a patientId; pass the id of the member's Patient resource.", expression: "patientId" }],
    },
    {
      name: "admin with a patient",
      input: { email: "admin@example.org", name: "Admin", password, role: "admin", patientId: "p-2" },
      issues: [{ diagnostics: "patientId is only for member accounts, and this one has role admin; leave it out.", expression: "patientId" }],
    },
    {
      name: "member with a panel",
      input: { email: "panel@example.org", name: "Panel", password, role: "member", patientId: "p-2", panelPatientIds: ["p-3"] },
      issues: [{ diagnostics: "panelPatientIds is only for care_manager accounts, and this one has role member; leave it out.", expression: "panelPatientIds" }],
    },
    {
      name: "malformed patient id",
      input: { email: "badid@example.org", name: "Bad Id", password, role: "member", patientId: "Patient/p-2" },
      issues: [{ diagnostics: 'Patient id "Patient/p-2" is not a FHIR id; use 1 to 64 letters, digits, "-" or ".".', expression: "patientId" }],
    },
    {
      name: "unknown role",
      input: { email: "role@example.org", name: "Role", password, role: "owner" as "admin" },
      issues: [{ diagnostics: 'Role "owner" is not one of member, care_manager or admin.', expression: "role" }],
    },
    {
      name: "patient not stored",
      input: { email: "missing@example.org", name: "Missing", password, role: "member", patientId: "p-404" },
      issues: [{ diagnostics: 'Patient "p-404" is not stored; import the patient first or check the id.', expression: "patientId" }],
    },
    {
      name: "patient deleted",
      input: { email: "gone@example.org", name: "Gone", password, role: "member", patientId: "p-gone" },
      issues: [{ diagnostics: 'Patient "p-gone" is not stored (it was deleted); import the patient first or check the id.', expression: "patientId" }],
    },
  ];

  it.each(invalidCases)("rejects $name", async ({ input, issues }) => {
    const failure = await failureOf(createAccount(db, input));

    expect(failure).toEqual({ code: "invalid", issues });
  });

  it("rejects an email that is taken in another case", async () => {
    const failure = await failureOf(createAccount(db, { email: "ALMA.REYES@example.org", name: "Other", password, role: "admin" }));

    expect(failure).toEqual({
      code: "conflict",
      issues: [{ diagnostics: 'An account with email "alma.reyes@example.org" already exists; choose another email.', expression: "email" }],
    });
  });

  it("rejects a second member account for one patient", async () => {
    const failure = await failureOf(createAccount(db, { email: "twin@example.org", name: "Twin", password, role: "member", patientId: "p-1" }));

    expect(failure).toEqual({
      code: "conflict",
      issues: [{ diagnostics: 'Patient "p-1" already has a member account; sign in with that account or remove it first.', expression: "patientId" }],
    });
  });

  it("never stores the password itself", async () => {
    const rows = await db.prisma.user.findMany({ select: { passwordHash: true } });

    for (const row of rows) {
      expect(row.passwordHash).not.toContain(password);
      expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    }
  });
});
