import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { seedDemoData } from "./seed-demo-data";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

async function countRows(table: string): Promise<number> {
  const rows = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}

describe("seedDemoData", () => {
  it("loads members, claims and linked accounts", async () => {
    const result = await seedDemoData(db, { members: 6 });

    expect(result?.members).toBe(6);
    expect(await countRows("resource")).toBe(result?.resources);
    const member = await db.prisma.user.findUniqueOrThrow({ where: { email: "member@lakeview.example" } });
    const claims = await new FhirStore(db).listInPatientCompartment(member.patientId ?? "", "ExplanationOfBenefit");
    expect(claims.length).toBeGreaterThan(0);
    expect(await db.prisma.user.count({ where: { role: "care_manager" } })).toBe(1);
  });

  it("leaves a database with accounts alone", async () => {
    const versionsBefore = await countRows("resource_version");

    const result = await seedDemoData(db, { members: 6 });

    expect(result).toBeNull();
    expect(await countRows("resource_version")).toBe(versionsBefore);
  });

  it("finishes a seed that stopped before the accounts", async () => {
    await db.prisma.user.deleteMany();
    const versionsBefore = await countRows("resource_version");

    const result = await seedDemoData(db, { members: 6 });

    expect(result?.accounts.length).toBeGreaterThan(0);
    expect(await countRows("resource_version")).toBe(versionsBefore);
  });
});
