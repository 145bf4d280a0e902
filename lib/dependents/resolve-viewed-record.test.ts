import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { familyCoverage, familyPatient } from "./family-test-resources";
import { grantRecordAccess } from "./grant-record-access";
import { resolveViewedRecord } from "./resolve-viewed-record";
import { revokeRecordAccess } from "./revoke-record-access";
import { signViewingCookie } from "./viewing-cookie";

const today = new Date("2026-12-04T15:00:00Z");
const secret = "a-test-secret-that-is-long-enough-5678";
const parent = { id: "account-parent", patientId: "parent" };

let db: Database;
let store: FhirStore;

async function resolve(cookie: string | undefined): Promise<unknown> {
  return resolveViewedRecord(db, store, parent, cookie, secret, today);
}

beforeAll(async () => {
  db = await openTestDatabase();
  store = new FhirStore(db);
  await store.writeAll(
    [
      familyPatient("parent", "Ife", "1975-05-05"),
      familyPatient("child", "Ada", "2015-01-20"),
      familyPatient("teen", "Tobi", "2010-09-09"),
      familyPatient("neighbor", "Chidi", "1970-01-01"),
      familyPatient("neighbor-child", "Ngozi", "2017-03-03"),
      familyCoverage("c-parent", "parent", "parent"),
      familyCoverage("c-child", "parent", "child"),
      familyCoverage("c-teen", "parent", "teen"),
      familyCoverage("c-neighbor-child", "neighbor", "neighbor-child"),
    ].map((resource) => ({ kind: "put" as const, resource })),
  );
});

afterAll(async () => {
  await db.close();
});

describe("resolveViewedRecord", () => {
  it("shows own record without cookie", async () => {
    expect(await resolve(undefined)).toEqual({ viewing: "self" });
  });

  it("shows a child under 13", async () => {
    expect(await resolve(signViewingCookie(parent.id, "child", secret))).toEqual({ viewing: "dependent", patientId: "child", access: "under-13" });
  });

  it("ignores a validly signed cookie for another family's child", async () => {
    expect(await resolve(signViewingCookie(parent.id, "neighbor-child", secret))).toEqual({ viewing: "self" });
  });

  it("ignores a cookie signed for another account", async () => {
    expect(await resolve(signViewingCookie("account-neighbor", "child", secret))).toEqual({ viewing: "self" });
  });

  it("ignores a hand-made cookie", async () => {
    expect(await resolve("child.not-a-signature")).toEqual({ viewing: "self" });
  });

  it("follows the teen's grant and revocation", async () => {
    const cookie = signViewingCookie(parent.id, "teen", secret);
    expect(await resolve(cookie)).toEqual({ viewing: "self" });

    await grantRecordAccess(db, "teen", "parent");
    expect(await resolve(cookie)).toEqual({ viewing: "dependent", patientId: "teen", access: "granted" });

    await revokeRecordAccess(db, "teen", "parent");
    expect(await resolve(cookie)).toEqual({ viewing: "self" });
  });
});
