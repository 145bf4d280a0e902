import type { ExplanationOfBenefit } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { getClaimListResponse } from "./get-claim-list-response";

// Measures the claims endpoint's server work (query validation, SQL, mapping) for one member with
// 5,000 claims. It takes minutes, so it runs only with LAKEVIEW_MEASURE_CLAIMS=1; LAKEVIEW_MEASURE_RUNS sets the runs per query (default 40).
const enabled = process.env.LAKEVIEW_MEASURE_CLAIMS === "1";
const claimCount = 5_000;
const runs = Number(process.env.LAKEVIEW_MEASURE_RUNS ?? 40);

const adjudication = (code: string, value: number): NonNullable<ExplanationOfBenefit["total"]>[number] => ({
  category: { coding: [{ system: code === "coinsurance" ? "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication" : "http://terminology.hl7.org/CodeSystem/adjudication", code }] },
  amount: { value, currency: "USD" },
});

function eob(index: number): ExplanationOfBenefit {
  const day = new Date(Date.UTC(2012, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  const types = ["professional", "institutional", "pharmacy", "oral", "vision"];
  return {
    resourceType: "ExplanationOfBenefit",
    id: `timing-${index}`,
    status: index % 20 === 0 ? "cancelled" : "active",
    type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: types[index % types.length] ?? "professional" }] },
    use: "claim",
    patient: { reference: "Patient/timing-member" },
    billablePeriod: { start: `${day}T09:30:00-05:00`, end: `${day}T10:00:00-05:00` },
    created: day,
    insurer: { display: "Lakeview Health Plan" },
    provider: { reference: `Organization/provider-${index % 40}`, display: `Provider ${index % 40}` },
    outcome: "complete",
    insurance: [{ focal: true, coverage: { display: "Plan" } }],
    item: [1, 2, 3].map((sequence) => ({
      sequence,
      productOrService: { coding: [{ system: "http://www.ama-assn.org/go/cpt", code: `9921${sequence}`, display: "Office visit" }] },
      servicedDate: day,
      adjudication: [adjudication("submitted", 100), adjudication("eligible", 80), adjudication("copay", 10), adjudication("coinsurance", 5), adjudication("benefit", 65)],
    })),
    total: [adjudication("submitted", 300), adjudication("eligible", 240), adjudication("copay", 30), adjudication("coinsurance", 15), adjudication("benefit", 195)],
  };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

describe.skipIf(!enabled)("claims endpoint timing with 5,000 claims", () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    const store = new FhirStore(db);
    for (let start = 0; start < claimCount; start += 500) {
      const batch = Array.from({ length: 500 }, (_, offset) => eob(start + offset));
      await store.writeAll(batch.map((resource) => ({ kind: "put", resource })));
    }
  }, 900_000);

  afterAll(async () => {
    await db.close();
  });

  it.each(["", "type=pharmacy", "page=150", "from=2015-01-01&to=2016-12-31&sort=oldest", "provider=Organization/provider-7&status=active"])(
    "lists %j",
    async (search) => {
      const durations: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const startedAt = performance.now();
        const response = await getClaimListResponse(db, "timing-member", new URLSearchParams(search));
        durations.push(performance.now() - startedAt);
        expect(response.status).toBe(200);
      }

      durations.sort((left, right) => left - right);
      console.log(`${db.kind} ${JSON.stringify(search)}: median ${percentile(durations, 0.5).toFixed(1)} ms, p95 ${percentile(durations, 0.95).toFixed(1)} ms over ${runs} runs`);
    },
    600_000,
  );
});
