import type { Bundle, FhirResource } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { encodePageToken } from "../search/page-token";
import type { FhirResponse } from "./fhir-request";
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

function bundleOf(response: FhirResponse): Bundle {
  expect(response.status).toBe(200);
  return response.body as Bundle;
}

function idsOf(response: FhirResponse, mode: "match" | "include" = "match"): string[] {
  return (bundleOf(response).entry ?? []).filter((entry) => entry.search?.mode === mode).map((entry) => entry.resource?.id ?? "");
}

async function matchIds(url: string): Promise<string[]> {
  return idsOf(await sendFhirRequest(db, url)).sort();
}

async function orderedIds(url: string): Promise<string[]> {
  return idsOf(await sendFhirRequest(db, url));
}

function linkOf(response: FhirResponse, relation: string): string | undefined {
  return bundleOf(response).link?.find((link) => link.relation === relation)?.url;
}

const A1C = ["obs-a1c-day", "obs-a1c-month"];

type Case = [url: string, expected: string[]];

describe("search: token", () => {
  it.each<Case>([
    ["Observation?code=4548-4", A1C],
    ["Observation?code=http://loinc.org|4548-4", A1C],
    ["Observation?code=|local-1", ["obs-local"]],
    ["Observation?code=|4548-4", []],
    ["Observation?code=http://loinc.org|", [...A1C, "obs-bp", "obs-offset"]],
    ["Observation?code:not=4548-4", ["obs-bp", "obs-local", "obs-offset"]],
    ["Observation?value-quantity:missing=true", ["obs-local"]],
    ["Observation?value-quantity:missing=false", [...A1C, "obs-bp", "obs-offset"]],
    ["Patient?gender=female,male", ["pat-ana", "pat-ben"]],
    ["Patient?identifier=http://lakeview.example/member-id|M-200", ["pat-ben"]],
    ["Patient?identifier=M-300", ["pat-cruz"]],
    ["Observation?code=4548-4,8480-6", [...A1C, "obs-bp"]],
    ["Observation?code=4548-4&status=final", A1C],
    ["Observation?code=4548-4&status=amended", []],
    ["Observation?_id=obs-bp,obs-local", ["obs-bp", "obs-local"]],
  ])("%s", async (url, expected) => {
    expect(await matchIds(url)).toEqual(expected);
  });
});

describe("search: string normalization", () => {
  it.each<Case>([
    ["Patient?name=gomez", ["pat-ana", "pat-ben"]],
    ["Patient?name=GÓMEZ", ["pat-ana", "pat-ben"]],
    ["Patient?name=jose", ["pat-cruz"]],
    ["Patient?name=JOSÉ", ["pat-cruz"]],
    ["Patient?name=maria", ["pat-ana"]],
    ["Patient?name:exact=gomez", ["pat-ana"]],
    ["Patient?name:contains=lee", ["pat-ben"]],
    ["Patient?name=omez", []],
    ["Patient?name=go%25", []],
    ["Patient?name=go_ez", []],
    ["Patient?family=cruz&given=jose", ["pat-cruz"]],
    ["Organization?name=lakeview", ["org-clinic"]],
  ])("%s", async (url, expected) => {
    expect(await matchIds(url)).toEqual(expected);
  });
});

describe("search: date prefixes and partial dates", () => {
  it.each<Case>([
    ["Observation?date=2019-07", A1C],
    ["Observation?date=eq2019-07", A1C],
    ["Observation?date=2019-07-15", ["obs-a1c-day"]],
    ["Observation?date=ne2019-07", ["obs-bp", "obs-local", "obs-offset"]],
    ["Observation?date=gt2019-07", ["obs-bp", "obs-offset"]],
    ["Observation?date=gt2019-07-15", ["obs-a1c-month", "obs-bp", "obs-offset"]],
    ["Observation?date=lt2019-07", ["obs-local"]],
    ["Observation?date=ge2019-07", [...A1C, "obs-bp", "obs-offset"]],
    ["Observation?date=le2019-07", [...A1C, "obs-local"]],
    ["Observation?date=sa2019-07-15", ["obs-bp", "obs-offset"]],
    ["Observation?date=eb2019-07-15", ["obs-local"]],
    ["Observation?date=ap2019-07-15", [...A1C, "obs-bp", "obs-local"]],
    ["Observation?date=2021-03-03", ["obs-offset"]],
    ["Observation?date=2021-03-04", []],
    ["Observation?date=2018", ["obs-local"]],
    ["Observation?date=2018-06", []],
    ["Observation?date=ge2018-06&date=lt2019-07-10", ["obs-a1c-month", "obs-local"]],
    ["Patient?birthdate=1975", ["pat-ben"]],
    ["Patient?birthdate=1975-01-15", []],
    ["Patient?birthdate=1980-05-17,1990-12-31", ["pat-ana", "pat-cruz"]],
    ["Observation?_lastUpdated=gt2026-01-01T00:00:08Z", ["obs-local", "obs-offset"]],
    ["Patient?_lastUpdated=2026-01-01T00:00:02Z", ["pat-ben"]],
  ])("%s", async (url, expected) => {
    expect(await matchIds(url)).toEqual(expected);
  });
});

describe("search: reference", () => {
  it.each<Case>([
    ["Observation?subject=Patient/pat-ana", [...A1C, "obs-offset"]],
    ["Observation?subject=pat-ana", [...A1C, "obs-offset"]],
    ["Observation?subject:Patient=pat-ben", ["obs-bp"]],
    ["Observation?subject:Device=pat-ben", []],
    [`Observation?subject=${TEST_BASE_URL}/Patient/pat-cruz`, ["obs-local"]],
    ["Observation?subject=https://other.example/fhir/Patient/pat-cruz", []],
    ["Observation?patient=pat-ana&performer=Practitioner/dr-smith", ["obs-a1c-month"]],
    ["Observation?performer:missing=true&subject=pat-ana", ["obs-a1c-day", "obs-offset"]],
  ])("%s", async (url, expected) => {
    expect(await matchIds(url)).toEqual(expected);
  });
});

describe("search: quantity", () => {
  it.each<Case>([
    ["Observation?value-quantity=6.8", ["obs-a1c-month"]],
    ["Observation?value-quantity=7", A1C],
    ["Observation?value-quantity=7.0", []],
    ["Observation?value-quantity=gt7", ["obs-a1c-day", "obs-bp", "obs-offset"]],
    ["Observation?value-quantity=sa7", ["obs-a1c-day", "obs-bp", "obs-offset"]],
    ["Observation?value-quantity=lt7", ["obs-a1c-month"]],
    ["Observation?value-quantity=eb7", ["obs-a1c-month"]],
    ["Observation?value-quantity=ge120", ["obs-bp"]],
    ["Observation?value-quantity=le6.8", ["obs-a1c-month"]],
    ["Observation?value-quantity=ne6.8", ["obs-a1c-day", "obs-bp", "obs-offset"]],
    ["Observation?value-quantity=ap100", ["obs-offset"]],
    ["Observation?value-quantity=120|http://unitsofmeasure.org|mm[Hg]", ["obs-bp"]],
    ["Observation?value-quantity=120||mmHg", ["obs-bp"]],
    ["Observation?value-quantity=120|http://unitsofmeasure.org|%25", []],
  ])("%s", async (url, expected) => {
    expect(await matchIds(url)).toEqual(expected);
  });
});

describe("search: uri", () => {
  it.each<Case>([
    ["Patient?_profile=http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient", ["pat-ana"]],
    ["Patient?_profile:below=http://hl7.org/fhir/us/core/", ["pat-ana"]],
    ["Patient?_profile=http://hl7.org/fhir/us/core", []],
  ])("%s", async (url, expected) => {
    expect(await matchIds(url)).toEqual(expected);
  });
});

describe("search: chaining and _has", () => {
  it.each<Case>([
    ["Observation?subject:Patient.name=gomez", [...A1C, "obs-bp", "obs-offset"]],
    ["Observation?patient.birthdate=1975", ["obs-bp"]],
    ["Observation?patient.identifier=http://lakeview.example/member-id|M-100&code=4548-4", A1C],
    ["Patient?general-practitioner:Practitioner.name=smith", ["pat-ana"]],
    ["Patient?organization.name=lakeview", ["pat-ana", "pat-ben"]],
    ["Patient?_has:Observation:patient:code=4548-4", ["pat-ana"]],
    ["Patient?_has:Observation:subject:status=amended", ["pat-ben"]],
    ["Patient?_has:Observation:subject:date=2018", ["pat-cruz"]],
    ["Practitioner?_has:Observation:performer:subject=pat-ana", ["dr-smith"]],
  ])("%s", async (url, expected) => {
    expect(await matchIds(url)).toEqual(expected);
  });
});

describe("search: _include and _revinclude", () => {
  it.each<[url: string, matches: string[], included: string[]]>([
    ["Observation?code=8480-6&_include=Observation:subject", ["obs-bp"], ["pat-ben"]],
    ["Observation?code=8480-6&_include=Observation:subject:Patient", ["obs-bp"], ["pat-ben"]],
    ["Observation?_id=obs-a1c-month&_include=Observation:*", ["obs-a1c-month"], ["dr-smith", "pat-ana"]],
    ["Observation?_id=obs-a1c-month&_include=Observation:subject&_include=Patient:organization", ["obs-a1c-month"], ["pat-ana"]],
    ["Observation?_id=obs-a1c-month&_include=Observation:subject&_include:iterate=Patient:organization", ["obs-a1c-month"], ["org-clinic", "pat-ana"]],
    ["Patient?_id=pat-ben&_revinclude=Observation:subject", ["pat-ben"], ["obs-bp"]],
    ["Practitioner?_id=dr-smith&_revinclude=Patient:general-practitioner&_revinclude:iterate=Observation:subject", ["dr-smith"], ["obs-a1c-day", "obs-a1c-month", "obs-offset", "pat-ana"]],
    ["Observation?subject=pat-ana&_include=Observation:subject", [...A1C, "obs-offset"], ["pat-ana"]],
  ])("%s", async (url, matches, included) => {
    const response = await sendFhirRequest(db, url);

    expect(idsOf(response, "match").sort()).toEqual(matches);
    expect(idsOf(response, "include").sort()).toEqual(included);
  });

  it("counts only matches in the total", async () => {
    const response = await sendFhirRequest(db, "Patient?_id=pat-ben&_revinclude=Observation:subject");

    expect(bundleOf(response).total).toBe(1);
  });
});

describe("search: _sort", () => {
  it.each<Case>([
    ["Patient?_sort=birthdate", ["pat-ben", "pat-ana", "pat-cruz"]],
    ["Patient?_sort=-birthdate", ["pat-cruz", "pat-ana", "pat-ben"]],
    ["Patient?_sort=gender", ["pat-ana", "pat-ben", "pat-cruz"]],
    ["Patient?_sort=-gender", ["pat-ben", "pat-ana", "pat-cruz"]],
    ["Observation?_sort=status,-date", ["obs-bp", "obs-a1c-day", "obs-a1c-month", "obs-local", "obs-offset"]],
    ["Observation?_sort=value-quantity", ["obs-a1c-month", "obs-a1c-day", "obs-offset", "obs-bp", "obs-local"]],
    ["Observation?_sort=-_lastUpdated", ["obs-offset", "obs-local", "obs-bp", "obs-a1c-day", "obs-a1c-month"]],
    ["Observation?_sort=code", ["obs-offset", "obs-a1c-day", "obs-a1c-month", "obs-bp", "obs-local"]],
  ])("%s", async (url, expected) => {
    expect(await orderedIds(url)).toEqual(expected);
  });
});

describe("search: paging", () => {
  it("follows next and previous links through every page", async () => {
    const first = await sendFhirRequest(db, "Observation?_sort=_id&_count=2");
    const second = await sendFhirRequest(db, linkOf(first, "next") ?? "");
    const third = await sendFhirRequest(db, linkOf(second, "next") ?? "");
    const back = await sendFhirRequest(db, linkOf(third, "previous") ?? "");

    expect(idsOf(first)).toEqual(["obs-a1c-day", "obs-a1c-month"]);
    expect(idsOf(second)).toEqual(["obs-bp", "obs-local"]);
    expect(idsOf(third)).toEqual(["obs-offset"]);
    expect(linkOf(third, "next")).toBeUndefined();
    expect(linkOf(first, "previous")).toBeUndefined();
    expect(idsOf(back)).toEqual(idsOf(second));
    expect(bundleOf(third).total).toBe(5);
  });

  it("returns the same page for the same link", async () => {
    const first = await sendFhirRequest(db, "Observation?_sort=status&_count=2");
    const next = linkOf(first, "next") ?? "";

    const again = await sendFhirRequest(db, next);
    const once = await sendFhirRequest(db, next);

    expect(idsOf(again)).toEqual(idsOf(once));
  });

  it("visits every match once with ties on the sort key", async () => {
    const seen: string[] = [];
    let url: string | undefined = "Observation?_sort=status&_count=1";
    while (url) {
      const response = await sendFhirRequest(db, url);
      seen.push(...idsOf(response));
      url = linkOf(response, "next");
    }

    expect(seen).toEqual(["obs-bp", "obs-a1c-day", "obs-a1c-month", "obs-local", "obs-offset"]);
  });

  it("keeps the query and page size in the links", async () => {
    const response = await sendFhirRequest(db, "Observation?code=4548-4&_count=1");

    expect(linkOf(response, "self")).toBe(`${TEST_BASE_URL}/Observation?code=4548-4&_count=1`);
    expect(linkOf(response, "next")).toMatch(new RegExp(`^${TEST_BASE_URL}/Observation\\?code=4548-4&_count=1&_page=[A-Za-z0-9_-]+$`));
  });

  it("returns only the total for _count=0", async () => {
    const bundle = bundleOf(await sendFhirRequest(db, "Observation?_count=0"));

    expect(bundle.total).toBe(5);
    expect(bundle.entry).toEqual([]);
  });
});

describe("search: _total, _summary and _elements", () => {
  it.each([
    ["Observation?_total=none", undefined],
    ["Observation?_total=estimate", 5],
    ["Observation?_total=accurate", 5],
    ["Observation", 5],
  ])("%s gives total %s", async (url, total) => {
    expect(bundleOf(await sendFhirRequest(db, url)).total).toBe(total);
  });

  it.each([
    ["Observation?code=no-such-code", 0],
    [`Observation?_count=2&_page=${encodePageToken(10)}`, 5],
  ])("%s, a page with no entries, still gives total %s", async (url, total) => {
    const bundle = bundleOf(await sendFhirRequest(db, url));

    expect(bundle.total).toBe(total);
    expect(bundle.entry ?? []).toEqual([]);
  });

  it("counts without entries for _summary=count", async () => {
    const bundle = bundleOf(await sendFhirRequest(db, "Patient?_summary=count"));

    expect(bundle.total).toBe(3);
    expect(bundle.entry).toEqual([]);
  });

  it("keeps summary elements for _summary=true", async () => {
    const [entry] = bundleOf(await sendFhirRequest(db, "Patient?_id=pat-ana&_summary=true")).entry ?? [];
    const resource = entry?.resource as FhirResource;

    expect(Object.keys(resource).sort()).toEqual(["birthDate", "gender", "id", "identifier", "managingOrganization", "meta", "name", "resourceType"]);
    expect(resource.meta?.tag).toContainEqual({ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", code: "SUBSETTED" });
  });

  it("keeps named and mandatory elements for _elements", async () => {
    const [entry] = bundleOf(await sendFhirRequest(db, "Observation?_id=obs-bp&_elements=valueQuantity")).entry ?? [];

    expect(Object.keys(entry?.resource ?? {}).sort()).toEqual(["code", "id", "meta", "resourceType", "status", "valueQuantity"]);
  });

  it("keeps choice elements by their stem", async () => {
    const [entry] = bundleOf(await sendFhirRequest(db, "Observation?_id=obs-bp&_summary=true")).entry ?? [];

    expect(Object.keys(entry?.resource ?? {}).sort()).toEqual(["code", "effectiveDateTime", "id", "meta", "resourceType", "status", "subject", "valueQuantity"]);
  });
});

describe("search: unknown parameters", () => {
  it("ignores them by default and leaves them out of the self link", async () => {
    const response = await sendFhirRequest(db, "Patient?foo=bar&gender=male");

    expect(idsOf(response)).toEqual(["pat-ben"]);
    expect(linkOf(response, "self")).toBe(`${TEST_BASE_URL}/Patient?gender=male&_count=20`);
  });

  it("rejects them with Prefer: handling=strict", async () => {
    const response = await sendFhirRequest(db, "Patient?foo=bar", { headers: { Prefer: "handling=strict" } });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "invalid",
          diagnostics: 'Search parameter "foo" is not known for Patient; check the name against GET /metadata, or send Prefer: handling=lenient to ignore it.',
        },
      ],
    });
  });
});

describe("search: POST _search", () => {
  it("reads parameters from a form body", async () => {
    const response = await sendFhirRequest(db, "Observation/_search?status=final", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "code=4548-4",
    });

    expect(idsOf(response).sort()).toEqual(A1C);
  });
});
