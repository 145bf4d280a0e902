import { describe, expect, it } from "vitest";

import { parseClaimListQuery, toClaimListSearch, type ParsedClaimListQuery } from "./claim-list-query";

describe("parseClaimListQuery", () => {
  it("reads an empty query as the defaults", () => {
    expect(parseClaimListQuery(new URLSearchParams())).toEqual({ ok: true, query: { sort: "newest", page: 1 } });
  });

  it("reads every filter", () => {
    const params = new URLSearchParams("type=pharmacy&status=cancelled&provider=Organization/clinic-1&from=2026-01-01&to=2026-03-31&sort=oldest&page=3");

    expect(parseClaimListQuery(params)).toEqual({
      ok: true,
      query: { type: "pharmacy", status: "cancelled", provider: "Organization/clinic-1", from: "2026-01-01", to: "2026-03-31", sort: "oldest", page: 3 },
    });
  });

  it("ignores empty values and unknown parameters", () => {
    expect(parseClaimListQuery(new URLSearchParams("type=&status=&utm_source=mail"))).toEqual({ ok: true, query: { sort: "newest", page: 1 } });
  });

  const invalid: { query: string; expected: ParsedClaimListQuery }[] = [
    { query: "type=dental", expected: { ok: false, field: "type", message: "must be one of professional, institutional, pharmacy, oral, vision, other" } },
    { query: "status=draft", expected: { ok: false, field: "status", message: "must be one of active, cancelled" } },
    { query: "provider=Patient/member-b", expected: { ok: false, field: "provider", message: "must be a reference such as Organization/123" } },
    { query: "provider=Organization/a%20b", expected: { ok: false, field: "provider", message: "must be a reference such as Organization/123" } },
    { query: "from=2026-02-30", expected: { ok: false, field: "from", message: "must be a real date written YYYY-MM-DD" } },
    { query: "to=03/04/2026", expected: { ok: false, field: "to", message: "must be a real date written YYYY-MM-DD" } },
    { query: "from=2026-03-05&to=2026-03-04", expected: { ok: false, field: "to", message: "must be on or after from" } },
    { query: "sort=billed", expected: { ok: false, field: "sort", message: "must be one of newest, oldest" } },
    { query: "page=0", expected: { ok: false, field: "page", message: "must be a whole number from 1 to 100000" } },
    { query: "page=1.5", expected: { ok: false, field: "page", message: "must be a whole number from 1 to 100000" } },
    { query: "page=abc", expected: { ok: false, field: "page", message: "must be a whole number from 1 to 100000" } },
    { query: "page=1e3", expected: { ok: false, field: "page", message: "must be a whole number from 1 to 100000" } },
    { query: "page=0x10", expected: { ok: false, field: "page", message: "must be a whole number from 1 to 100000" } },
    { query: "page=%2B2", expected: { ok: false, field: "page", message: "must be a whole number from 1 to 100000" } },
    { query: "page=2.0", expected: { ok: false, field: "page", message: "must be a whole number from 1 to 100000" } },
  ];

  it.each(invalid)("rejects $query", ({ query, expected }) => {
    expect(parseClaimListQuery(new URLSearchParams(query))).toEqual(expected);
  });
});

describe("toClaimListSearch", () => {
  it("leaves out defaults", () => {
    expect(toClaimListSearch({ sort: "newest", page: 1 })).toBe("");
  });

  it("round-trips every filter", () => {
    const query = { type: "oral", status: "active", provider: "Practitioner/dr-1", from: "2026-01-01", to: "2026-02-01", sort: "oldest", page: 2 } as const;

    expect(parseClaimListQuery(new URLSearchParams(toClaimListSearch(query)))).toEqual({ ok: true, query });
  });
});
