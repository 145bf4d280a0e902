import type { ExplanationOfBenefit, Organization } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { claimListQuerySchema, claimPageSize, type ClaimListQuery } from "./claim-list-query";
import { listClaimProviders } from "./list-claim-providers";
import { listClaimsPage } from "./list-claims-page";

const claimTypeSystem = "http://terminology.hl7.org/CodeSystem/claim-type";
const typeCodes = ["professional", "institutional", "pharmacy", "oral", "vision"] as const;
const providers = ["Organization/clinic-a", "Organization/clinic-b", "Practitioner/dr-c"] as const;
const claimCount = 300;

interface Generated {
  id: string;
  /** Days since Jan 1, 2024 of the service date as written, the first sort key. */
  day: number;
  /** Milliseconds of the service date's start, the second sort key. */
  time: number;
  type: string;
  status: ExplanationOfBenefit["status"];
  provider: string;
}

/** Day `index` of 2024 onward, two claims a day, the second one at 22:30 at UTC-5 (03:30 UTC the next day). */
function generated(index: number): Generated {
  const day = new Date(Date.UTC(2024, 0, 1 + Math.floor(index / 2)));
  const time = index % 2 === 0 ? day.getTime() : day.getTime() + (22.5 + 5) * 3_600_000;
  let status: ExplanationOfBenefit["status"] = "active";
  if (index % 10 === 3) status = "cancelled";
  if (index % 25 === 7) status = "draft";
  return {
    id: `claim-${String(index).padStart(4, "0")}`,
    day: Math.floor(index / 2),
    time,
    type: index % 6 === 5 ? "other" : (typeCodes[index % 6] ?? "other"),
    status,
    provider: providers[index % 3] ?? "Organization/clinic-a",
  };
}

function toEob(claim: Generated, index: number, patientId: string): ExplanationOfBenefit {
  const day = new Date(Math.floor(claim.time / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
  const start = index % 2 === 0 ? day : `${new Date(claim.time - 27.5 * 3_600_000).toISOString().slice(0, 10)}T22:30:00-05:00`;
  const type = claim.type === "other" ? { text: "Ambulance" } : { coding: [{ system: claimTypeSystem, code: claim.type }] };
  return {
    resourceType: "ExplanationOfBenefit",
    id: claim.id,
    status: claim.status,
    type,
    use: "claim",
    patient: { reference: `Patient/${patientId}` },
    billablePeriod: { start },
    created: "2026-01-01",
    insurer: { display: "Lakeview Health Plan" },
    provider: { reference: claim.provider },
    outcome: "complete",
    insurance: [{ focal: true, coverage: { display: "Plan" } }],
  };
}

function query(overrides: Partial<ClaimListQuery> = {}): ClaimListQuery {
  return { ...claimListQuerySchema.parse({}), ...overrides };
}

const claims = Array.from({ length: claimCount }, (_, index) => generated(index));
const listed = claims.filter((claim) => claim.status !== "draft");
const newestFirst = [...listed].sort((left, right) => right.day - left.day || right.time - left.time).map((claim) => claim.id);

describe("listClaimsPage", () => {
  let db: Database;
  let store: FhirStore;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    const organizations: Organization[] = [
      { resourceType: "Organization", id: "clinic-a", name: "Alder Clinic" },
      { resourceType: "Organization", id: "clinic-b", name: "Birch Clinic" },
      { resourceType: "Organization", id: "clinic-other", name: "Other Family Clinic" },
    ];
    const own = claims.map((claim, index) => toEob(claim, index, "member-a"));
    const odd: ExplanationOfBenefit[] = [
      // The impossible start falls back to created; with neither readable the claim sorts last.
      { ...toEob(generated(0), 0, "member-a"), id: "impossible-start", billablePeriod: { start: "2025-02-30" }, created: "2023-06-01" },
      { ...toEob(generated(0), 0, "member-a"), id: "undated", billablePeriod: { start: "soon" }, created: "later" },
    ];
    const otherMember: ExplanationOfBenefit[] = [
      { ...toEob(generated(1), 1, "member-b"), id: "b-claim", provider: { reference: "Organization/clinic-other" } },
      // Paid to member A, but for member B's care: in A's compartment, never in A's list.
      { ...toEob(generated(2), 2, "member-b"), id: "b-paid-to-a", payee: { party: { reference: "Patient/member-a" } } },
    ];
    await store.writeAll([...organizations, ...own, ...odd, ...otherMember].map((resource) => ({ kind: "put", resource })));
  });

  afterAll(async () => {
    await db.close();
  });

  it("counts and orders the first page", async () => {
    const page = await listClaimsPage(db, store, "member-a", query());

    expect(page.total).toBe(listed.length + 2);
    expect(page.pageSize).toBe(claimPageSize);
    expect(page.rows.map((row) => row.id)).toEqual(newestFirst.slice(0, claimPageSize));
  });

  it("pages through every claim once", async () => {
    const pageCount = Math.ceil((listed.length + 2) / claimPageSize);
    const ids: string[] = [];
    for (let page = 1; page <= pageCount; page += 1) {
      ids.push(...(await listClaimsPage(db, store, "member-a", query({ page }))).rows.map((row) => row.id));
    }

    expect(ids.slice(0, listed.length)).toEqual(newestFirst);
    expect(ids.slice(listed.length)).toEqual(["impossible-start", "undated"]);
  });

  it("keeps the total past the last page", async () => {
    const page = await listClaimsPage(db, store, "member-a", query({ page: 99 }));

    expect(page.rows).toEqual([]);
    expect(page.total).toBe(listed.length + 2);
  });

  it("sorts oldest first", async () => {
    const page = await listClaimsPage(db, store, "member-a", query({ sort: "oldest" }));

    expect(page.rows.map((row) => row.id)).toEqual(["impossible-start", ...[...newestFirst].reverse()].slice(0, claimPageSize));
  });

  it("reads the late-evening claim on its own day", async () => {
    const page = await listClaimsPage(db, store, "member-a", query({ sort: "oldest" }));

    expect(page.rows[2]?.id).toBe("claim-0001");
    expect(page.rows[2]?.serviceDate).toEqual({ precision: "day", year: 2024, month: 1, day: 1 });
  });

  it.each([
    { name: "type", filter: { type: "pharmacy" }, expected: (claim: Generated) => claim.type === "pharmacy" },
    { name: "type other", filter: { type: "other" }, expected: (claim: Generated) => claim.type === "other" },
    { name: "status", filter: { status: "cancelled" }, expected: (claim: Generated) => claim.status === "cancelled" },
    { name: "provider", filter: { provider: "Practitioner/dr-c" }, expected: (claim: Generated) => claim.provider === "Practitioner/dr-c" },
  ] as const)("filters by $name", async ({ filter, expected }) => {
    const page = await listClaimsPage(db, store, "member-a", query({ ...filter, page: 1 }));
    const matching = listed.filter(expected);

    expect(page.total).toBe(matching.length);
    expect(page.rows.map((row) => row.id)).toEqual(newestFirst.filter((id) => matching.some((claim) => claim.id === id)).slice(0, claimPageSize));
  });

  it("filters by date range, ends included", async () => {
    const page = await listClaimsPage(db, store, "member-a", query({ from: "2024-01-02", to: "2024-01-03" }));

    // Claims 2 to 5 fall on Jan 2 and 3; claim 1 is on Jan 1 at UTC-5 though its instant is Jan 2 UTC.
    expect(page.rows.map((row) => row.id)).toEqual(["claim-0005", "claim-0004", "claim-0003", "claim-0002"]);
    expect(page.total).toBe(4);
  });

  it("combines filters", async () => {
    const page = await listClaimsPage(db, store, "member-a", query({ type: "professional", status: "active", provider: "Organization/clinic-a" }));
    const matching = listed.filter((claim) => claim.type === "professional" && claim.status === "active" && claim.provider === "Organization/clinic-a");

    // The two claims with odd dates are copies of claim 0, which matches.
    expect(page.total).toBe(matching.length + 2);
    expect(matching.length).toBeGreaterThan(0);
  });

  it("names providers from the store", async () => {
    const page = await listClaimsPage(db, store, "member-a", query({ provider: "Organization/clinic-b" }));

    expect(new Set(page.rows.map((row) => row.providerName))).toEqual(new Set(["Birch Clinic"]));
  });

  it("lists the member's providers only", async () => {
    const options = await listClaimProviders(db, store, "member-a");

    expect(options).toEqual([
      { reference: "Organization/clinic-a", name: "Alder Clinic" },
      { reference: "Organization/clinic-b", name: "Birch Clinic" },
      { reference: "Practitioner/dr-c", name: null },
    ]);
  });
});

describe("listClaimsPage between members", () => {
  let db: Database;
  let store: FhirStore;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    const mine = toEob(generated(0), 0, "member-a");
    const theirs = { ...toEob(generated(1), 1, "member-b"), id: "b-claim", provider: { reference: "Organization/clinic-b" } };
    const paidToMe = { ...toEob(generated(2), 2, "member-b"), id: "b-paid-to-a", payee: { party: { reference: "Patient/member-a" } } };
    await store.writeAll([mine, theirs, paidToMe].map((resource) => ({ kind: "put", resource })));
  });

  afterAll(async () => {
    await db.close();
  });

  it("lists only the member's own claims", async () => {
    const page = await listClaimsPage(db, store, "member-a", query());

    expect(page.rows.map((row) => row.id)).toEqual(["claim-0000"]);
    expect(page.total).toBe(1);
  });

  it("finds nothing through another member's provider", async () => {
    const page = await listClaimsPage(db, store, "member-a", query({ provider: "Organization/clinic-b" }));

    expect(page.rows).toEqual([]);
    expect(page.total).toBe(0);
  });

  it("offers no provider of another member", async () => {
    expect(await listClaimProviders(db, store, "member-a")).toEqual([{ reference: "Organization/clinic-a", name: null }]);
  });

  it("lists nothing for an unknown patient", async () => {
    expect((await listClaimsPage(db, store, "member-c", query())).total).toBe(0);
  });
});
