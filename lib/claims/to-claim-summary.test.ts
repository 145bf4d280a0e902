import fs from "node:fs";
import path from "node:path";

import type { ExplanationOfBenefit, Practitioner } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { hasSampleData, readSampleResources, SAMPLE_DATA_DIR } from "../fhir/read-sample-resources";
import type { ClaimSummary } from "./claim-summary";
import { toClaimSummary } from "./to-claim-summary";
import { toDisplayName } from "./to-display-name";

const carinDir = path.join(SAMPLE_DATA_DIR, "carin-bb/stu2.0.0");
const syntheaFile = "synthea/smart-generated-sample-data-r4/Adán_Portillo_22bbe238-220e-495c-8abc-0ce3aa28a605.json";
const noNames = new Map<string, string>();

function readCarinEob(name: string): ExplanationOfBenefit {
  return JSON.parse(fs.readFileSync(path.join(carinDir, `ExplanationOfBenefit-${name}.json`), "utf8")) as ExplanationOfBenefit;
}

function usd(minorUnits: number): { minorUnits: number; currency: string } {
  return { minorUnits, currency: "USD" };
}

/** Builds a minimal valid EOB; each case overrides what it tests. */
function eobWith(overrides: Partial<ExplanationOfBenefit>): ExplanationOfBenefit {
  return {
    resourceType: "ExplanationOfBenefit",
    id: "eob-1",
    status: "active",
    type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "professional" }] },
    use: "claim",
    patient: { reference: "Patient/p-1" },
    created: "2026-03-10",
    insurer: { display: "Lakeview Health Plan" },
    provider: { display: "Dr. Ana Ruiz" },
    outcome: "complete",
    insurance: [{ focal: true, coverage: { reference: "Coverage/c-1" } }],
    ...overrides,
  } satisfies ExplanationOfBenefit;
}

const submitted = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/adjudication", code: "submitted" }] };
const memberLiability = { coding: [{ system: "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication", code: "memberliability" }] };
const deductible = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/adjudication", code: "deductible" }] };
const copay = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/adjudication", code: "copay" }] };
const coinsurance = { coding: [{ system: "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication", code: "coinsurance" }] };
const paidToProvider = { coding: [{ system: "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication", code: "paidtoprovider" }] };

function line(sequence: number, adjudication: NonNullable<ExplanationOfBenefit["item"]>[number]["adjudication"]): NonNullable<ExplanationOfBenefit["item"]>[number] {
  return { sequence, productOrService: { text: "Office visit" }, adjudication };
}

describe("toClaimSummary on CARIN Blue Button examples", () => {
  it.skipIf(!hasSampleData())("reads the memberliability total of an inpatient claim", () => {
    const names = new Map([["Organization/ProviderOrganization3", "Green Medical Group"]]);

    const summary = toClaimSummary(readCarinEob("EOBInpatient2"), names);

    expect(summary).toEqual({
      id: "EOBInpatient2",
      serviceDate: { precision: "day", year: 2017, month: 5, day: 23, start: new Date("2017-05-23T00:00:00Z") },
      providerName: "Green Medical Group",
      claimType: "institutional",
      billed: usd(714_720),
      memberOwes: { kind: "exact", amount: usd(0) },
    } satisfies ClaimSummary);
  });

  it.skipIf(!hasSampleData())("adds line memberliability when the header has none", () => {
    const summary = toClaimSummary(readCarinEob("EOBPharmacy1"), noNames);

    expect(summary.claimType).toBe("pharmacy");
    expect(summary.billed).toEqual(usd(265_000));
    expect(summary.memberOwes).toEqual({ kind: "exact", amount: usd(8_000) });
  });

  it.skipIf(!hasSampleData())("reports unknown when only paidbypatient is given", () => {
    const summary = toClaimSummary(readCarinEob("EOBInpatient1"), noNames);

    expect(summary.providerName).toBe("XXX Health Plan");
    expect(summary.memberOwes).toEqual({ kind: "unknown" });
  });

  it.skipIf(!hasSampleData())("reports unknown for a dental claim without cost sharing", () => {
    const summary = toClaimSummary(readCarinEob("EOBOral1"), noNames);

    expect(summary.claimType).toBe("oral");
    expect(summary.billed).toEqual(usd(41_000));
    expect(summary.memberOwes).toEqual({ kind: "unknown" });
  });

  it.skipIf(!hasSampleData())("maps every example without losing the id", () => {
    const files = fs.readdirSync(carinDir).filter((file) => file.startsWith("ExplanationOfBenefit-"));

    const summaries = files.map((file) => toClaimSummary(readCarinEob(file.slice("ExplanationOfBenefit-".length, -".json".length)), noNames));

    expect(summaries).toHaveLength(10);
    for (const summary of summaries) {
      expect(summary.id).not.toBe("");
      expect(summary.serviceDate).not.toBeNull();
      expect(summary.claimType).not.toBe("other");
    }
  });
});

describe.skipIf(!hasSampleData())("toClaimSummary on Synthea EOBs", () => {
  const synthea = readSampleResources().filter((sample) => sample.file.startsWith("synthea/smart-generated-sample-data-r4/"));
  const eobs = synthea.map((sample) => sample.resource).filter((resource): resource is ExplanationOfBenefit => resource.resourceType === "ExplanationOfBenefit");

  it("gives a floor from the line coinsurance when the encounter line is unadjudicated", () => {
    const eob = eobs.find((candidate) => candidate.id === "310404e2-9992-4080-ba4d-ef2d2eb4356c");
    const practitioner = synthea.find((sample) => sample.file === syntheaFile && sample.resource.resourceType === "Practitioner")?.resource as Practitioner;
    const names = new Map([[`Practitioner/${practitioner.id}`, toDisplayName(practitioner.name, { withPrefix: true }) ?? ""]]);
    expect(eob?.provider.reference).toBe(`Practitioner/${practitioner.id}`);

    const summary = toClaimSummary(eob as ExplanationOfBenefit, names);

    expect(summary.serviceDate).toEqual({ precision: "day", year: 2020, month: 10, day: 17, start: new Date("2020-10-17T18:19:34Z") });
    expect(summary.providerName).toBe("Dr. June Kassulke");
    expect(summary.claimType).toBe("institutional");
    expect(summary.billed).toEqual(usd(79_618));
    // One line with coinsurance 134.236 and deductible 0; the $125 encounter line has no adjudication.
    expect(summary.memberOwes).toEqual({ kind: "atLeast", amount: usd(13_424) });
  });

  it("reports unknown when no line is adjudicated", () => {
    const eob = eobs.find((candidate) => (candidate.item ?? []).every((item) => !item.adjudication));
    expect(eob).toBeDefined();

    const summary = toClaimSummary(eob as ExplanationOfBenefit, noNames);

    expect(summary.memberOwes).toEqual({ kind: "unknown" });
  });

  it("never claims an exact amount or a floor above the billed amount", () => {
    const summaries = eobs.map((eob) => toClaimSummary(eob, noNames));

    expect(summaries).toHaveLength(911);
    for (const summary of summaries) {
      expect(summary.memberOwes.kind).not.toBe("exact");
      if (summary.memberOwes.kind === "atLeast") {
        expect(summary.memberOwes.amount.minorUnits).toBeLessThanOrEqual(summary.billed?.minorUnits ?? 0);
      }
    }
  });
});

describe("toClaimSummary member share", () => {
  const cases: { name: string; eob: ExplanationOfBenefit; expected: ClaimSummary["memberOwes"] }[] = [
    { name: "no totals and no lines", eob: eobWith({}), expected: { kind: "unknown" } },
    {
      name: "memberliability total",
      eob: eobWith({ total: [{ category: memberLiability, amount: { value: 42.5, currency: "USD" } }] }),
      expected: { kind: "exact", amount: usd(4_250) },
    },
    {
      name: "memberliability wins over its parts",
      eob: eobWith({
        total: [
          { category: deductible, amount: { value: 100, currency: "USD" } },
          { category: memberLiability, amount: { value: 30, currency: "USD" } },
        ],
      }),
      expected: { kind: "exact", amount: usd(3_000) },
    },
    {
      name: "deductible, copay and coinsurance totals added",
      eob: eobWith({
        total: [
          { category: deductible, amount: { value: 10, currency: "USD" } },
          { category: copay, amount: { value: 20, currency: "USD" } },
          { category: coinsurance, amount: { value: 5.55, currency: "USD" } },
          { category: paidToProvider, amount: { value: 300, currency: "USD" } },
        ],
      }),
      expected: { kind: "exact", amount: usd(3_555) },
    },
    {
      name: "euro amounts",
      eob: eobWith({ total: [{ category: memberLiability, amount: { value: 12.5, currency: "EUR" } }] }),
      expected: { kind: "exact", amount: { minorUnits: 1_250, currency: "EUR" } },
    },
    {
      name: "yen, which has no minor unit",
      eob: eobWith({ total: [{ category: memberLiability, amount: { value: 1500, currency: "JPY" } }] }),
      expected: { kind: "exact", amount: { minorUnits: 1_500, currency: "JPY" } },
    },
    {
      name: "missing currency read as USD",
      eob: eobWith({ total: [{ category: memberLiability, amount: { value: 7 } }] }),
      expected: { kind: "exact", amount: usd(700) },
    },
    {
      name: "fractional cents rounded half up",
      eob: eobWith({ total: [{ category: memberLiability, amount: { value: 1.005, currency: "USD" } }] }),
      expected: { kind: "exact", amount: usd(101) },
    },
    {
      name: "mixed currencies not added",
      eob: eobWith({
        total: [
          { category: deductible, amount: { value: 10, currency: "USD" } },
          { category: copay, amount: { value: 20, currency: "EUR" } },
        ],
      }),
      expected: { kind: "unknown" },
    },
    {
      name: "malformed currency",
      eob: eobWith({ total: [{ category: memberLiability, amount: { value: 10, currency: "DOLLARS" } }] }),
      expected: { kind: "unknown" },
    },
    {
      name: "memberliability without a value",
      eob: eobWith({ total: [{ category: memberLiability, amount: { currency: "USD" } }] }),
      expected: { kind: "unknown" },
    },
    {
      name: "two memberliability totals",
      eob: eobWith({
        total: [
          { category: memberLiability, amount: { value: 10, currency: "USD" } },
          { category: memberLiability, amount: { value: 20, currency: "USD" } },
        ],
      }),
      expected: { kind: "unknown" },
    },
    {
      name: "every line states its share",
      eob: eobWith({
        item: [
          line(1, [{ category: memberLiability, amount: { value: 15, currency: "USD" } }]),
          line(2, [
            { category: copay, amount: { value: 10, currency: "USD" } },
            { category: deductible, amount: { value: 0.25, currency: "USD" } },
          ]),
        ],
      }),
      expected: { kind: "exact", amount: usd(2_525) },
    },
    {
      name: "some lines state nothing",
      eob: eobWith({
        item: [line(1, [{ category: copay, amount: { value: 10, currency: "USD" } }]), line(2, undefined)],
      }),
      expected: { kind: "atLeast", amount: usd(1_000) },
    },
    {
      name: "a zero floor",
      eob: eobWith({
        item: [line(1, [{ category: copay, amount: { value: 0, currency: "USD" } }]), line(2, undefined)],
      }),
      expected: { kind: "unknown" },
    },
    {
      name: "a line share that cannot be read",
      eob: eobWith({
        item: [line(1, [{ category: copay, amount: { value: 10, currency: "USD" } }]), line(2, [{ category: copay }])],
      }),
      expected: { kind: "unknown" },
    },
  ];

  it.each(cases)("$name", ({ eob, expected }) => {
    const summary = toClaimSummary(eob, noNames);

    expect(summary.memberOwes).toEqual(expected);
  });
});

describe("toClaimSummary fields", () => {
  it("reads the billed amount from the submitted total", () => {
    const eob = eobWith({ total: [{ category: submitted, amount: { value: 250.1, currency: "USD" } }] });

    expect(toClaimSummary(eob, noNames).billed).toEqual(usd(25_010));
  });

  it("leaves billed empty without a submitted total", () => {
    const eob = eobWith({ total: [{ category: paidToProvider, amount: { value: 250, currency: "USD" } }] });

    expect(toClaimSummary(eob, noNames).billed).toBeNull();
  });

  const dateCases: { name: string; overrides: Partial<ExplanationOfBenefit>; expected: ClaimSummary["serviceDate"] }[] = [
    {
      name: "year only",
      overrides: { billablePeriod: { start: "2026" } },
      expected: { precision: "year", year: 2026, month: undefined, day: undefined, start: new Date("2026-01-01T00:00:00Z") },
    },
    {
      name: "year and month",
      overrides: { billablePeriod: { start: "2026-03" } },
      expected: { precision: "month", year: 2026, month: 3, day: undefined, start: new Date("2026-03-01T00:00:00Z") },
    },
    {
      name: "late evening west of UTC keeps its own day",
      overrides: { billablePeriod: { start: "2026-03-04T23:30:00-05:00" } },
      expected: { precision: "day", year: 2026, month: 3, day: 4, start: new Date("2026-03-05T04:30:00Z") },
    },
    {
      name: "created when there is no billable period",
      overrides: { created: "2026-02-11T09:00:00Z" },
      expected: { precision: "day", year: 2026, month: 2, day: 11, start: new Date("2026-02-11T09:00:00Z") },
    },
    {
      name: "created when the billable period start is impossible",
      overrides: { billablePeriod: { start: "2026-02-30" }, created: "2026-03-02" },
      expected: { precision: "day", year: 2026, month: 3, day: 2, start: new Date("2026-03-02T00:00:00Z") },
    },
    { name: "no readable date", overrides: { created: "last Tuesday" }, expected: null },
  ];

  it.each(dateCases)("service date: $name", ({ overrides, expected }) => {
    expect(toClaimSummary(eobWith(overrides), noNames).serviceDate).toEqual(expected);
  });

  const typeCases: { name: string; type: ExplanationOfBenefit["type"]; expected: ClaimSummary["claimType"] }[] = [
    { name: "pharmacy", type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "pharmacy" }] }, expected: "pharmacy" },
    { name: "code without a system", type: { coding: [{ code: "vision" }] }, expected: "vision" },
    { name: "another system", type: { coding: [{ system: "http://example.org/types", code: "oral" }] }, expected: "other" },
    { name: "unknown code", type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "mystery" }] }, expected: "other" },
    { name: "text only", type: { text: "Dental" }, expected: "other" },
  ];

  it.each(typeCases)("claim type: $name", ({ type, expected }) => {
    expect(toClaimSummary(eobWith({ type }), noNames).claimType).toBe(expected);
  });

  it("prefers the provider display to the store's name", () => {
    const eob = eobWith({ provider: { reference: "Practitioner/pr-1", display: "Dr. Display" } });

    expect(toClaimSummary(eob, new Map([["Practitioner/pr-1", "Dr. Stored"]])).providerName).toBe("Dr. Display");
  });

  it("names the provider from the store", () => {
    const eob = eobWith({ provider: { reference: "Organization/org-1" } });

    expect(toClaimSummary(eob, new Map([["Organization/org-1", "Lakeside Clinic"]])).providerName).toBe("Lakeside Clinic");
  });

  it("leaves an unknown provider empty", () => {
    const eob = eobWith({ provider: { reference: "urn:uuid:8d2a9e4c-0000-4000-8000-000000000000" } });

    expect(toClaimSummary(eob, noNames).providerName).toBeNull();
  });
});
