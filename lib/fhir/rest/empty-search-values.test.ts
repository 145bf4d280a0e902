import type { Bundle } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { sendFhirRequest, TEST_BASE_URL } from "./fhir-test-client";
import { loadSearchFixtures } from "./search-fixtures";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSearchFixtures(db);
});

afterAll(async () => {
  await db.close();
});

async function search(url: string): Promise<Bundle> {
  const response = await sendFhirRequest(db, url);
  expect(response.status).toBe(200);
  return response.body as Bundle;
}

const idsOf = (bundle: Bundle): string[] => (bundle.entry ?? []).map((entry) => entry.resource?.id ?? "");

describe("empty search values", () => {
  it("ignores an empty _id", async () => {
    const bundle = await search("Patient?_id=");

    expect(idsOf(bundle)).toEqual(["pat-ana", "pat-ben", "pat-cruz"]);
  });

  it("ignores an empty status:not", async () => {
    const bundle = await search("Observation?status:not=&_count=0");
    const all = await search("Observation?_count=0");

    expect(bundle.total).toBe(all.total);
    expect(bundle.total).toBeGreaterThan(0);
  });

  it("keeps the other parameters", async () => {
    const bundle = await search("Patient?name=&family=cruz");

    expect(idsOf(bundle)).toEqual(["pat-cruz"]);
  });

  it("leaves empty values out of the self link", async () => {
    const bundle = await search("Patient?_id=&family=cruz");

    expect(bundle.link?.[0]).toEqual({ relation: "self", url: `${TEST_BASE_URL}/Patient?family=cruz&_count=20` });
  });
});
