import type { Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { createAccount } from "./create-account";
import { createMemberAccounts, generateMemberPassword } from "./create-member-accounts";
import { verifyCredentials } from "./verify-credentials";

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
      { ...patient("demo-pat-0005", "Dora", "Diaz"), deceasedBoolean: true },
      { ...patient("demo-pat-0006", "Eli", "Diaz"), deceasedDateTime: "2024-03-01" },
      { ...patient("demo-pat-0007", "Fay", "Diaz"), deceasedBoolean: false },
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
    const printed: { email: string; password: string }[] = [];

    const report = await createMemberAccounts(db, (account, generated) => {
      printed.push({ email: account.email, password: generated });
    });

    expect(report.created.map((account) => [account.patientId, account.email, account.name])).toEqual([
      ["22bbe238-220e-495c-8abc-0ce3aa28a605", "member-22bbe238@members.lakeview.example", "Member"],
      ["demo-pat-0001", "ana-ruiz-demo-pat-0001@members.lakeview.example", "Ana Ruiz"],
      ["demo-pat-0002", "ana-ruiz-demo-pat-0002@members.lakeview.example", "Ana Ruiz"],
      ["demo-pat-0007", "fay-diaz-demo-pat-0007@members.lakeview.example", "Fay Diaz"],
    ]);
    expect(printed.map((entry) => entry.email)).toEqual(report.created.map((account) => account.email));
    expect(report.skipped).toBe(1);
    expect(report.skippedDeceased).toBe(2);
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
    const report = await createMemberAccounts(db);

    expect(report.created).toEqual([]);
    expect(report.skipped).toBe(5);
    expect(report.skippedDeceased).toBe(2);
    expect(report.failures.map((failure) => failure.patientId)).toEqual(["demo-pat-0003"]);
  });

  it("rejects a broken password generator before creating any account", async () => {
    const before = await db.prisma.user.count();

    const failure = await createMemberAccounts(db, undefined, () => "short").catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(FhirError);
    expect((failure as FhirError).issues).toEqual([{ diagnostics: "Password is 5 characters long; use at least 12.", expression: "password" }]);
    expect(await db.prisma.user.count()).toBe(before);
  });
});

describe("createMemberAccounts passwords", () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    const patients = ["0001", "0002", "0003"].map((n) => patient(`demo-pat-${n}`, "Ana", "Ruiz"));
    await new FhirStore(db).writeAll(patients.map((resource) => ({ kind: "put" as const, resource })));
  });

  afterAll(async () => {
    await db.close();
  });

  it("gives each account its own password", async () => {
    const printed: { email: string; password: string }[] = [];

    await createMemberAccounts(db, (account, generated) => {
      printed.push({ email: account.email, password: generated });
    });

    expect(printed).toHaveLength(3);
    expect(new Set(printed.map((entry) => entry.password)).size).toBe(3);
    for (const { email, password: generated } of printed) {
      expect(generated).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      expect(await verifyCredentials(db, email, generated)).not.toBeNull();
    }
    const [first, second] = printed;
    expect(await verifyCredentials(db, second?.email ?? "", first?.password ?? "")).toBeNull();
  });
});

describe("generateMemberPassword", () => {
  it("returns 24 base64url characters", () => {
    const passwords = Array.from({ length: 100 }, () => generateMemberPassword());

    for (const generated of passwords) {
      expect(generated).toMatch(/^[A-Za-z0-9_-]{24}$/);
    }
    expect(new Set(passwords).size).toBe(100);
  });
});
