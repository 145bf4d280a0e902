import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { familyCoverage, familyPatient } from "../dependents/family-test-resources";
import { FhirStore } from "../fhir/store/fhir-store";
import { getCareMemberView } from "./get-care-member-view";

const now = new Date("2026-06-15T12:00:00Z");
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await new FhirStore(db).writeAll(
    [
      familyPatient("pat-subscriber", "Adaeze", "1980-01-01"),
      familyPatient("pat-spouse", "Chidi", "1981-02-02"),
      familyCoverage("cov-subscriber", "pat-subscriber", "pat-subscriber"),
      familyCoverage("cov-spouse", "pat-subscriber", "pat-spouse"),
    ].map((resource) => ({ kind: "put" as const, resource })),
  );
});

afterAll(async () => {
  await db.close();
});

describe("getCareMemberView", () => {
  it("lists only the member on a family plan", async () => {
    const view = await getCareMemberView(db, "pat-subscriber", now);
    const members = view.coverage?.coverage?.members ?? [];

    expect(members.map((member) => member.isYou)).toEqual([true]);
    expect(JSON.stringify(view)).not.toContain("Chidi");
  });
});
