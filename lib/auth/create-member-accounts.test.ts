import type { Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { createAccount } from "./create-account";
import { createMemberAccounts } from "./create-member-accounts";

const password = "a long enough password";

function patient(id: string, given: string, family: string): Patient {
  return { resourceType: "Patient", id, name: [{ given: [given], family }] } satisfies Patient;
}

describe("createMemberAccounts", () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    const patients = [
      patient("demo-pat-0001", "Ana", "Ruiz"),
      patient("demo-pat-0002", "Ana", "Ruiz"),
      patient("demo-pat-0003", "Ben", "Ortiz"),
      patient("demo-pat-0004", "Cruz", "Lee"),
      { resourceType: "Patient", id: "22bbe238-220e-495c-8abc-0ce3aa28a605" } satisfies Patient,
    ];
    await new FhirStore(db).writeAll(patients.map((resource) => ({ kind: "put" as const, resource })));
    await createAccount(db, { email: "cruz@example.org", name: "Cruz Lee", password, role: "member", patientId: "demo-pat-0004" });
    // A staff account that already uses the email the third patient would get.
    await createAccount(db, { email: "ben-ortiz-demo-pat-0003@members.lakeview.example", name: "Ben Staff", password, role: "admin" });
  });

  afterAll(async () => {
    await db.close();
  });

  it("reports a taken email and creates the others", async () => {
    const printed: string[] = [];

    const report = await createMemberAccounts(db, password, (account) => printed.push(account.email));

    expect(report.created.map((account) => [account.patientId, account.email, account.name])).toEqual([
      ["22bbe238-220e-495c-8abc-0ce3aa28a605", "member-22bbe238@members.lakeview.example", "Member"],
      ["demo-pat-0001", "ana-ruiz-demo-pat-0001@members.lakeview.example", "Ana Ruiz"],
      ["demo-pat-0002", "ana-ruiz-demo-pat-0002@members.lakeview.example", "Ana Ruiz"],
    ]);
    expect(printed).toEqual(report.created.map((account) => account.email));
    expect(report.skipped).toBe(1);
    expect(report.failures).toEqual([
      {
        patientId: "demo-pat-0003",
        email: "ben-ortiz-demo-pat-0003@members.lakeview.example",
        messages: [
          'Email "ben-ortiz-demo-pat-0003@members.lakeview.example", made from the name and id of Patient "demo-pat-0003", is taken by another account; create this member with --patient demo-pat-0003 --email <another email>.',
        ],
      },
    ]);
  });

  it("retries only the failed patient", async () => {
    const report = await createMemberAccounts(db, password);

    expect(report.created).toEqual([]);
    expect(report.skipped).toBe(4);
    expect(report.failures.map((failure) => failure.patientId)).toEqual(["demo-pat-0003"]);
  });

  it("rejects a short password before creating any account", async () => {
    const before = await db.prisma.user.count();

    const failure = await createMemberAccounts(db, "short").catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(FhirError);
    expect((failure as FhirError).issues).toEqual([{ diagnostics: "Password is 5 characters long; use at least 12.", expression: "password" }]);
    expect(await db.prisma.user.count()).toBe(before);
  });
});
