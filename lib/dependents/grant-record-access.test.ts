import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { grantRecordAccess } from "./grant-record-access";
import { hasActiveGrant } from "./has-active-grant";
import { revokeRecordAccess } from "./revoke-record-access";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

describe("grantRecordAccess", () => {
  it("applies the grant migration", async () => {
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM "_prisma_migrations"`);

    expect(rows.map((row) => row.migration_name)).toContain("20261205000100_record_access_grant");
  });

  it("keeps revoked grants as history", async () => {
    const grantedAt = new Date("2026-11-01T10:00:00Z");
    const revokedAt = new Date("2026-11-20T10:00:00Z");

    await grantRecordAccess(db, "teen", "parent", grantedAt);
    await revokeRecordAccess(db, "teen", "parent", revokedAt);
    await grantRecordAccess(db, "teen", "parent");

    const grants = await db.prisma.recordAccessGrant.findMany({ where: { grantorPatientId: "teen" }, orderBy: { grantedAt: "asc" } });
    expect(grants).toHaveLength(2);
    expect(grants[0]?.grantedAt).toEqual(grantedAt);
    expect(grants[0]?.revokedAt).toEqual(revokedAt);
    expect(grants[1]?.revokedAt).toBeNull();
    expect(await hasActiveGrant(db, "teen", "parent")).toBe(true);
  });

  it("grants in one direction only", async () => {
    await grantRecordAccess(db, "teen-2", "parent-2");

    expect(await hasActiveGrant(db, "parent-2", "teen-2")).toBe(false);
  });

  it("revokes nothing without a grant", async () => {
    expect(await revokeRecordAccess(db, "nobody", "parent")).toBe(0);
  });
});
