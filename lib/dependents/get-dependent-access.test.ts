import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { familyCoverage, familyPatient } from "./family-test-resources";
import { getDependentAccess } from "./get-dependent-access";
import { grantRecordAccess } from "./grant-record-access";
import { listDependents } from "./list-dependents";
import { listRecordViewers } from "./list-record-viewers";
import { revokeRecordAccess } from "./revoke-record-access";

const today = new Date("2026-12-04T15:00:00Z");

let db: Database;
let store: FhirStore;

beforeAll(async () => {
  db = await openTestDatabase();
  store = new FhirStore(db);

  await store.writeAll(
    [
      familyPatient("parent", "Rosa", "1972-03-10"),
      familyPatient("child-12", "Mia", "2014-06-01"),
      familyPatient("teen-16", "Leo", "2010-02-14"),
      familyPatient("turns-13-today", "Ada", "2013-12-04"),
      familyPatient("ex-dependent", "Sam", "2016-01-01"),
      familyPatient("stranger", "Kim", "2018-05-05"),
      familyPatient("other-parent", "Joe", "1980-01-01"),
      familyCoverage("cov-parent", "parent", "parent"),
      familyCoverage("cov-child", "parent", "child-12"),
      familyCoverage("cov-teen", "parent", "teen-16"),
      familyCoverage("cov-13", "parent", "turns-13-today"),
      familyCoverage("cov-ended", "parent", "ex-dependent", { start: "2024-01-01", end: "2024-12-31" }),
      familyCoverage("cov-stranger", "other-parent", "stranger"),
    ].map((resource) => ({ kind: "put" as const, resource })),
  );
});

afterAll(async () => {
  await db.close();
});

describe("getDependentAccess", () => {
  it("allows a dependent under 13", async () => {
    expect(await getDependentAccess(db, store, "parent", "child-12", today)).toBe("under-13");
  });

  it("keeps a 13th birthday private", async () => {
    expect(await getDependentAccess(db, store, "parent", "turns-13-today", today)).toBe("private");
  });

  it("keeps a teen private until a grant", async () => {
    expect(await getDependentAccess(db, store, "parent", "teen-16", today)).toBe("private");

    await grantRecordAccess(db, "teen-16", "parent");

    expect(await getDependentAccess(db, store, "parent", "teen-16", today)).toBe("granted");
  });

  it("denies a teen after the grant is revoked", async () => {
    await grantRecordAccess(db, "teen-16", "parent");

    expect(await revokeRecordAccess(db, "teen-16", "parent")).toBe(1);

    expect(await getDependentAccess(db, store, "parent", "teen-16", today)).toBe("private");
  });

  it("denies someone on another subscriber's coverage", async () => {
    expect(await getDependentAccess(db, store, "parent", "stranger", today)).toBeNull();
  });

  it("denies a grant to someone not the subscriber", async () => {
    await grantRecordAccess(db, "stranger", "parent");

    expect(await getDependentAccess(db, store, "parent", "stranger", today)).toBeNull();
  });

  it("denies a dependent whose coverage ended", async () => {
    expect(await getDependentAccess(db, store, "parent", "ex-dependent", today)).toBeNull();
  });

  it("denies the subscriber's own id and unknown ids", async () => {
    expect(await getDependentAccess(db, store, "parent", "parent", today)).toBeNull();
    expect(await getDependentAccess(db, store, "parent", "no-such-patient", today)).toBeNull();
  });

  it("denies the dependent viewing the subscriber", async () => {
    expect(await getDependentAccess(db, store, "child-12", "parent", today)).toBeNull();
  });
});

describe("listDependents", () => {
  it("lists viewable and private dependents", async () => {
    const dependents = await listDependents(db, store, "parent", today);

    expect(dependents).toEqual([
      { patientId: "turns-13-today", name: "Ada Okoro", access: "private" },
      { patientId: "teen-16", name: "Leo Okoro", access: "private" },
      { patientId: "child-12", name: "Mia Okoro", access: "under-13" },
    ]);
  });
});

describe("listRecordViewers", () => {
  it("lists the subscriber with grant state", async () => {
    await revokeRecordAccess(db, "teen-16", "parent");
    expect(await listRecordViewers(db, store, "teen-16", today)).toEqual([{ patientId: "parent", name: "Rosa Okoro", granted: false }]);

    await grantRecordAccess(db, "teen-16", "parent");
    await grantRecordAccess(db, "teen-16", "parent");

    expect(await listRecordViewers(db, store, "teen-16", today)).toEqual([{ patientId: "parent", name: "Rosa Okoro", granted: true }]);
    expect(await db.prisma.recordAccessGrant.count({ where: { grantorPatientId: "teen-16", revokedAt: null } })).toBe(1);
  });

  it("lists nobody for a subscriber", async () => {
    expect(await listRecordViewers(db, store, "parent", today)).toEqual([]);
  });
});
