import type { FhirResource } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/lib/db/database";
import { openTestDatabase } from "@/lib/db/open-test-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { code, finalObservation, officeVisitOn } from "@/lib/measures/own/build-test-patient";
import { recomputeStaleCareGaps } from "@/lib/measures/pipeline/recompute-stale-care-gaps";
import { storeMeasures } from "@/lib/measures/store-own-measures";

import { listCareGaps } from "./list-care-gaps";

const period = { start: "2026-01-01", end: "2026-12-31" };
const now = (): Date => new Date("2026-06-01T00:00:00Z");

function forPatient<T extends FhirResource>(resource: T, patientId: string): T {
  return { ...resource, id: `${resource.id}-${patientId}`, subject: { reference: `Patient/${patientId}` } };
}

describe("listCareGaps", () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await storeMeasures(db);
    const resources: FhirResource[] = [
      { resourceType: "Patient", id: "a", gender: "female", birthDate: "1960-03-03" },
      forPatient(officeVisitOn("2026-05-05"), "a"),
      forPatient(finalObservation("mammo", code("http://loinc.org", "24604-1"), "2026-05-05"), "a"),
      { resourceType: "Patient", id: "b", gender: "male", birthDate: "1960-03-03" },
      forPatient(officeVisitOn("2026-05-05"), "b"),
    ];
    await new FhirStore(db).writeAll(resources.map((resource) => ({ kind: "put", resource })));
    await recomputeStaleCareGaps(db, { period, now });
  });

  afterAll(async () => {
    await db.close();
  });

  it("lists open before closed gaps", async () => {
    const gaps = await listCareGaps(db, ["a"]);

    expect(gaps.map((gap) => [gap.measureId, gap.status])).toEqual([
      ["lakeview-cms130", "open"],
      ["lakeview-cms125", "closed"],
    ]);
    expect(gaps[1]).toEqual({
      id: "gap-lakeview-cms125-a-2026",
      patientId: "a",
      measureId: "lakeview-cms125",
      measureTitle: "Breast Cancer Screening",
      status: "closed",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      identified: "2026-06-01T00:00:00.000Z",
    });
  });

  it("filters by status", async () => {
    const open = await listCareGaps(db, ["a", "b"], { status: "open" });

    expect(open.map((gap) => `${gap.patientId} ${gap.measureId}`)).toEqual(["a lakeview-cms130", "b lakeview-cms130"]);
  });

  it("returns only the patients asked for", async () => {
    const gaps = await listCareGaps(db, ["b"]);

    expect(gaps.every((gap) => gap.patientId === "b")).toBe(true);
    expect(await listCareGaps(db, [])).toEqual([]);
  });
});
