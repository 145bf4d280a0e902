import fs from "node:fs";
import path from "node:path";

import type { ExplanationOfBenefit, Practitioner } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { generateDemoData } from "../demo/generate-demo-data";
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
const noncovered = { coding: [{ system: "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication", code: "noncovered" }] };
const blueButtonSubmitted = {
  coding: [{ system: "https://bluebutton.cms.gov/resources/codesystem/adjudication", code: "https://bluebutton.cms.gov/resources/variables/line_sbmtd_chrg_amt" }],
};
const blueButtonDeductible = {
  coding: [{ system: "https://bluebutton.cms.gov/resources/codesystem/adjudication", code: "https://bluebutton.cms.gov/resources/variables/line_bene_ptb_ddctbl_amt" }],
};
const paidToProvider = { coding: [{ system: "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication", code: "paidtoprovider" }] };

function line(sequence: number, adjudication: NonNullable<ExplanationOfBenefit["item"]>[number]["adjudication"]): NonNullable<ExplanationOfBenefit["item"]>[number] {
  return { sequence, productOrService: { text: "Office visit" }, adjudication };
}

describe("toClaimSummary on CARIN Blue Button examples", () => {
  it.skipIf(!hasSampleData())("hides an inpatient liability below its copay", () => {
    const names = new Map([["Organization/ProviderOrganization3", "Green Medical Group"]]);

    const summary = toClaimSummary(readCarinEob("EOBInpatient2"), names);

    expect(summary).toEqual({
      id: "EOBInpatient2",
      serviceDate: { precision: "day", year: 2017, month: 5, day: 23, start: new Date("2017-05-23T00:00:00Z") },
      providerName: "Green Medical Group",
      claimType: "institutional",
      canceled: false,
      billed: { kind: "exact", amount: usd(714_720) },
      memberOwes: { kind: "unknown" },
    } satisfies ClaimSummary);
  });

  it.skipIf(!hasSampleData())("adds line memberliability when the header has none", () => {
    const summary = toClaimSummary(readCarinEob("EOBPharmacy1"), noNames);

    expect(summary.claimType).toBe("pharmacy");
    expect(summary.billed).toEqual({ kind: "exact", amount: usd(265_000) });
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
    expect(summary.billed).toEqual({ kind: "exact", amount: usd(41_000) });
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

/** Every resource of the Synthea bundles, read once; empty without the sample data. */
const syntheaSamples = hasSampleData() ? readSampleResources().filter((sample) => sample.file.startsWith("synthea/")) : [];

function syntheaEobsIn(folder: string): ExplanationOfBenefit[] {
  return syntheaSamples
    .filter((sample) => sample.file.startsWith(folder))
    .map((sample) => sample.resource)
    .filter((resource): resource is ExplanationOfBenefit => resource.resourceType === "ExplanationOfBenefit");
}

describe.skipIf(!hasSampleData())("toClaimSummary on Synthea EOBs", () => {
  const synthea = syntheaSamples.filter((sample) => sample.file.startsWith("synthea/smart-generated-sample-data-r4/"));
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
    expect(summary.billed).toEqual({ kind: "exact", amount: usd(79_618) });
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
      expect(summary.billed.kind).toBe("exact");
      if (summary.memberOwes.kind === "atLeast" && summary.billed.kind === "exact") {
        expect(summary.memberOwes.amount.minorUnits).toBeLessThanOrEqual(summary.billed.amount.minorUnits);
      }
    }
  });
});

describe.skipIf(!hasSampleData())("toClaimSummary on Synthea EOBs whose total is the visit fee", () => {
  const eobs = syntheaEobsIn("synthea/iris-fhir-template/");

  it("hides a total below its lines' charges", () => {
    const eob = eobs.find((candidate) => candidate.id === "b7aea99c-74b8-4f4d-9414-899cc40045a8");
    expect(eob?.patient.reference).toBe("Patient/274f5452-2a39-44c4-a7cb-f36de467762e");

    const summary = toClaimSummary(eob as ExplanationOfBenefit, noNames);

    // The header states $129.16, the visit fee, while the suture line alone bills $13,697.19.
    expect(summary.billed).toEqual({ kind: "disagreesWithLines" });
    // The line's coinsurance, 2739.438, is within that line's charge.
    expect(summary.memberOwes).toEqual({ kind: "atLeast", amount: usd(273_944) });
  });

  it("keeps totals that cover their lines", () => {
    const summaries = eobs.map((eob) => toClaimSummary(eob, noNames));

    const kinds = summaries.map((summary) => summary.billed.kind);
    expect(summaries).toHaveLength(190);
    expect(kinds.filter((kind) => kind === "disagreesWithLines")).toHaveLength(101);
    expect(kinds.filter((kind) => kind === "exact")).toHaveLength(89);
  });
});

describe.skipIf(!hasSampleData())("toClaimSummary on every Synthea EOB", () => {
  const eobs = syntheaEobsIn("synthea/");

  it("never shows an owed amount above the billed amount", () => {
    const summaries = eobs.map((eob) => toClaimSummary(eob, noNames));

    expect(summaries).toHaveLength(1_101);
    for (const summary of summaries) {
      if (summary.memberOwes.kind !== "unknown" && summary.billed.kind === "exact") {
        expect(summary.memberOwes.amount.minorUnits, `EOB ${summary.id}`).toBeLessThanOrEqual(summary.billed.amount.minorUnits);
      }
    }
  });
});

describe("toClaimSummary on demo EOBs", () => {
  it("gives an exact share for every active claim", () => {
    const eobs = generateDemoData({ members: 25, seed: 20261201 })
      .resources.filter((resource): resource is ExplanationOfBenefit => resource.resourceType === "ExplanationOfBenefit")
      .filter((eob) => eob.status === "active");

    expect(eobs.length).toBeGreaterThan(0);
    for (const eob of eobs) {
      const summary = toClaimSummary(eob, noNames);

      expect(summary.memberOwes, eob.id).toMatchObject({ kind: "exact" });
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
      name: "memberliability wins over smaller parts",
      eob: eobWith({
        total: [
          { category: deductible, amount: { value: 10, currency: "USD" } },
          { category: memberLiability, amount: { value: 30, currency: "USD" } },
        ],
      }),
      expected: { kind: "exact", amount: usd(3_000) },
    },
    {
      name: "memberliability equal to its parts",
      eob: eobWith({
        total: [
          { category: deductible, amount: { value: 10.1, currency: "USD" } },
          { category: copay, amount: { value: 20.2, currency: "USD" } },
          { category: coinsurance, amount: { value: 0.3, currency: "USD" } },
          { category: noncovered, amount: { value: 5, currency: "USD" } },
          { category: memberLiability, amount: { value: 35.6, currency: "USD" } },
        ],
      }),
      expected: { kind: "exact", amount: usd(3_560) },
    },
    {
      name: "memberliability below its deductible",
      eob: eobWith({
        total: [
          { category: deductible, amount: { value: 100, currency: "USD" } },
          { category: memberLiability, amount: { value: 30, currency: "USD" } },
        ],
      }),
      expected: { kind: "unknown" },
    },
    {
      name: "memberliability below parts with noncovered",
      eob: eobWith({
        total: [
          { category: copay, amount: { value: 20, currency: "USD" } },
          { category: noncovered, amount: { value: 15, currency: "USD" } },
          { category: memberLiability, amount: { value: 30, currency: "USD" } },
        ],
      }),
      expected: { kind: "unknown" },
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
    {
      name: "negative memberliability total",
      eob: eobWith({ total: [{ category: memberLiability, amount: { value: -50, currency: "USD" } }] }),
      expected: { kind: "unknown" },
    },
    {
      name: "lines whose shares add up below zero",
      eob: eobWith({
        item: [line(1, [{ category: copay, amount: { value: 10, currency: "USD" } }]), line(2, [{ category: copay, amount: { value: -30, currency: "USD" } }])],
      }),
      expected: { kind: "unknown" },
    },
    {
      name: "a reversed line cancels its copy",
      eob: eobWith({
        item: [
          line(1, [{ category: copay, amount: { value: 20, currency: "USD" } }]),
          line(2, [{ category: copay, amount: { value: -20, currency: "USD" } }]),
          line(3, [{ category: copay, amount: { value: 20, currency: "USD" } }]),
        ],
      }),
      expected: { kind: "exact", amount: usd(2_000) },
    },
    {
      name: "two copay totals",
      eob: eobWith({
        total: [
          { category: copay, amount: { value: 10, currency: "USD" } },
          { category: copay, amount: { value: 10, currency: "USD" } },
        ],
      }),
      expected: { kind: "unknown" },
    },
    {
      name: "one deductible in two code systems",
      eob: eobWith({
        item: [
          line(1, [
            { category: deductible, amount: { value: 40, currency: "USD" } },
            { category: blueButtonDeductible, amount: { value: 40, currency: "USD" } },
          ]),
        ],
      }),
      expected: { kind: "unknown" },
    },
  ];

  it.each(cases)("$name", ({ eob, expected }) => {
    const summary = toClaimSummary(eob, noNames);

    expect(summary.memberOwes).toEqual(expected);
  });
});

describe("toClaimSummary billed amount", () => {
  const usdAmount = (value: number): { value: number; currency: string } => ({ value, currency: "USD" });
  const submittedTotal = (value: number, currency = "USD"): NonNullable<ExplanationOfBenefit["total"]>[number] => ({
    category: submitted,
    amount: { value, currency },
  });
  const chargedLine = (sequence: number, value: number, category = submitted, currency = "USD"): NonNullable<ExplanationOfBenefit["item"]>[number] =>
    line(sequence, [{ category, amount: { value, currency } }]);

  const cases: { name: string; eob: ExplanationOfBenefit; expected: ClaimSummary["billed"] }[] = [
    { name: "total without line charges", eob: eobWith({ total: [submittedTotal(250.1)] }), expected: { kind: "exact", amount: usd(25_010) } },
    {
      name: "total equal to its lines",
      eob: eobWith({ total: [submittedTotal(410)], item: [chargedLine(1, 190), chargedLine(2, 220)] }),
      expected: { kind: "exact", amount: usd(41_000) },
    },
    {
      name: "total above lines that leave charges out",
      eob: eobWith({ total: [submittedTotal(300)], item: [chargedLine(1, 100), line(2, undefined)] }),
      expected: { kind: "exact", amount: usd(30_000) },
    },
    {
      name: "reversed lines that add up to the total",
      eob: eobWith({ total: [submittedTotal(820)], item: [chargedLine(1, 68.8), chargedLine(2, -68.8), chargedLine(3, 751.2), chargedLine(4, 68.8)] }),
      expected: { kind: "exact", amount: usd(82_000) },
    },
    {
      name: "lines rounded up past the total",
      eob: eobWith({ total: [submittedTotal(0.01)], item: [chargedLine(1, 0.005), chargedLine(2, 0.005)] }),
      expected: { kind: "exact", amount: usd(1) },
    },
    {
      name: "total below its Blue Button line charges",
      eob: eobWith({ total: [submittedTotal(129.16)], item: [line(1, undefined), chargedLine(2, 13_697.19, blueButtonSubmitted)] }),
      expected: { kind: "disagreesWithLines" },
    },
    {
      name: "total one cent below its lines",
      eob: eobWith({ total: [submittedTotal(99.99)], item: [chargedLine(1, 100)] }),
      expected: { kind: "disagreesWithLines" },
    },
    {
      name: "lines in another currency",
      eob: eobWith({ total: [submittedTotal(100)], item: [chargedLine(1, 50, submitted, "EUR")] }),
      expected: { kind: "disagreesWithLines" },
    },
    { name: "no submitted total", eob: eobWith({ total: [{ category: paidToProvider, amount: usdAmount(250) }] }), expected: { kind: "unknown" } },
    { name: "two submitted totals", eob: eobWith({ total: [submittedTotal(100), submittedTotal(120)] }), expected: { kind: "unknown" } },
    { name: "negative total", eob: eobWith({ total: [submittedTotal(-80)] }), expected: { kind: "unknown" } },
    {
      name: "a line charge without a value",
      eob: eobWith({ total: [submittedTotal(100)], item: [chargedLine(1, 40), line(2, [{ category: submitted, amount: { currency: "USD" } }])] }),
      expected: { kind: "unknown" },
    },
    {
      name: "a line charged twice",
      eob: eobWith({ total: [submittedTotal(100)], item: [line(1, [{ category: submitted, amount: usdAmount(40) }, { category: blueButtonSubmitted, amount: usdAmount(40) }])] }),
      expected: { kind: "unknown" },
    },
  ];

  it.each(cases)("$name", ({ eob, expected }) => {
    expect(toClaimSummary(eob, noNames).billed).toEqual(expected);
  });
});

describe("toClaimSummary member share against billed", () => {
  const total = (category: typeof submitted, value: number): NonNullable<ExplanationOfBenefit["total"]>[number] => ({
    category,
    amount: { value, currency: "USD" },
  });

  const cases: { name: string; eob: ExplanationOfBenefit; expected: ClaimSummary["memberOwes"] }[] = [
    {
      name: "owed above billed",
      eob: eobWith({ total: [total(submitted, 80), total(memberLiability, 200)] }),
      expected: { kind: "unknown" },
    },
    {
      name: "owed equal to billed",
      eob: eobWith({ total: [total(submitted, 80), total(memberLiability, 80)] }),
      expected: { kind: "exact", amount: usd(8_000) },
    },
    {
      name: "owed in another currency than billed",
      eob: eobWith({ total: [total(submitted, 80), { category: memberLiability, amount: { value: 20, currency: "EUR" } }] }),
      expected: { kind: "unknown" },
    },
    {
      name: "owed within lines that disagree with the total",
      eob: eobWith({
        total: [total(submitted, 129.16)],
        item: [line(1, undefined), line(2, [{ category: blueButtonSubmitted, amount: { value: 1_000, currency: "USD" } }, { category: coinsurance, amount: { value: 200, currency: "USD" } }])],
      }),
      expected: { kind: "atLeast", amount: usd(20_000) },
    },
    {
      name: "owed above lines that disagree with the total",
      eob: eobWith({
        total: [total(submitted, 129.16), total(memberLiability, 5_000)],
        item: [line(1, [{ category: blueButtonSubmitted, amount: { value: 1_000, currency: "USD" } }])],
      }),
      expected: { kind: "unknown" },
    },
    {
      name: "owed without any billed amount",
      eob: eobWith({ total: [total(memberLiability, 200)] }),
      expected: { kind: "exact", amount: usd(20_000) },
    },
  ];

  it.each(cases)("$name", ({ eob, expected }) => {
    expect(toClaimSummary(eob, noNames).memberOwes).toEqual(expected);
  });
});

describe("toClaimSummary status", () => {
  const totals: ExplanationOfBenefit["total"] = [
    { category: submitted, amount: { value: 100, currency: "USD" } },
    { category: memberLiability, amount: { value: 10, currency: "USD" } },
  ];

  it("marks a cancelled claim and hides its share", () => {
    const summary = toClaimSummary(eobWith({ status: "cancelled", total: totals }), noNames);

    expect(summary.canceled).toBe(true);
    expect(summary.memberOwes).toEqual({ kind: "unknown" });
    expect(summary.billed).toEqual({ kind: "exact", amount: usd(10_000) });
  });

  it("hides the share of a draft", () => {
    const summary = toClaimSummary(eobWith({ status: "draft", total: totals }), noNames);

    expect(summary.canceled).toBe(false);
    expect(summary.memberOwes).toEqual({ kind: "unknown" });
  });

  it("gives the share of an active claim", () => {
    const summary = toClaimSummary(eobWith({ total: totals }), noNames);

    expect(summary.canceled).toBe(false);
    expect(summary.memberOwes).toEqual({ kind: "exact", amount: usd(1_000) });
  });
});

describe("toClaimSummary fields", () => {
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
