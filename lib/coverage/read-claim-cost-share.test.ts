import fs from "node:fs";
import path from "node:path";

import type { Bundle, ExplanationOfBenefit, FhirResource } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { hasSampleData, SAMPLE_DATA_DIR } from "../fhir/read-sample-resources";
import { readClaimCostShare } from "./read-claim-cost-share";

const carinDir = path.join(SAMPLE_DATA_DIR, "carin-bb/stu2.0.0");
const syntheaFile = path.join(SAMPLE_DATA_DIR, "synthea/smart-generated-sample-data-r4/Louis_Maggio_2e275d4b-855a-4eb2-9021-5410aa8acd4f.json");

function readCarinEob(name: string): ExplanationOfBenefit {
  return JSON.parse(fs.readFileSync(path.join(carinDir, `ExplanationOfBenefit-${name}.json`), "utf8")) as ExplanationOfBenefit;
}

function readSyntheaEob(id: string): ExplanationOfBenefit {
  const bundle = JSON.parse(fs.readFileSync(syntheaFile, "utf8")) as Bundle;
  const found = (bundle.entry ?? [])
    .map((entry) => entry.resource as FhirResource | undefined)
    .find((resource): resource is ExplanationOfBenefit => resource?.resourceType === "ExplanationOfBenefit" && resource.id === id);
  if (!found) {
    throw new Error(`ExplanationOfBenefit ${id} is not in ${syntheaFile}.`);
  }
  return found;
}

const usd = (minorUnits: number): { minorUnits: number; currency: string } => ({ minorUnits, currency: "USD" });

const category = (system: string, code: string): { coding: { system: string; code: string }[] } => ({ coding: [{ system, code }] });
const hl7 = "http://terminology.hl7.org/CodeSystem/adjudication";
const carin = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication";

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
    provider: { display: "Clinic" },
    outcome: "complete",
    insurance: [{ focal: true, coverage: { reference: "Coverage/c-1" } }],
    ...overrides,
  } satisfies ExplanationOfBenefit;
}

describe.skipIf(!hasSampleData())("readClaimCostShare on sample data", () => {
  it("reads an out-of-network inpatient copay", () => {
    expect(readClaimCostShare(readCarinEob("EOBInpatient2"))).toEqual({ deductible: usd(0), outOfPocket: usd(12_000), network: "out" });
  });

  it("reads an in-network claim with no cost sharing", () => {
    expect(readClaimCostShare(readCarinEob("EOBOutpatient2"))).toEqual({ deductible: usd(0), outOfPocket: usd(0), network: "in" });
    expect(readClaimCostShare(readCarinEob("EOBProfessional2"))).toEqual({ deductible: usd(0), outOfPocket: usd(0), network: "in" });
  });

  it("returns null when only paidbypatient is stated", () => {
    expect(readClaimCostShare(readCarinEob("EOBInpatient1"))).toBeNull();
    expect(readClaimCostShare(readCarinEob("EOBOral1"))).toBeNull();
  });

  it("adds Synthea line coinsurance", () => {
    // Three immunization lines with $28.104 coinsurance each, which rounds to 2,810 cents per line.
    expect(readClaimCostShare(readSyntheaEob("7005ef3a-0310-4c02-9725-086de2509459"))).toEqual({
      deductible: usd(0),
      outOfPocket: usd(8_430),
      network: "unknown",
    });
  });
});

describe("readClaimCostShare", () => {
  it("prefers header totals to lines", () => {
    const eob = eobWith({
      total: [
        { category: category(hl7, "deductible"), amount: { value: 100, currency: "USD" } },
        { category: category(carin, "coinsurance"), amount: { value: 20.5, currency: "USD" } },
      ],
      item: [{ sequence: 1, productOrService: { text: "Visit" }, adjudication: [{ category: category(hl7, "copay"), amount: { value: 999, currency: "USD" } }] }],
    });

    expect(readClaimCostShare(eob)).toEqual({ deductible: usd(10_000), outOfPocket: usd(12_050), network: "unknown" });
  });

  it("leaves noncovered out of a memberliability", () => {
    const eob = eobWith({
      total: [
        { category: category(carin, "memberliability"), amount: { value: 300, currency: "USD" } },
        { category: category(carin, "noncovered"), amount: { value: 250, currency: "USD" } },
      ],
    });

    expect(readClaimCostShare(eob)).toEqual({ deductible: usd(0), outOfPocket: usd(5_000), network: "unknown" });
  });

  it("returns null for a doubled category", () => {
    const eob = eobWith({
      total: [
        { category: category(hl7, "deductible"), amount: { value: 100, currency: "USD" } },
        { category: category(hl7, "deductible"), amount: { value: 50, currency: "USD" } },
      ],
    });

    expect(readClaimCostShare(eob)).toBeNull();
  });

  it("returns null for mixed currencies", () => {
    const eob = eobWith({
      total: [
        { category: category(hl7, "deductible"), amount: { value: 100, currency: "USD" } },
        { category: category(hl7, "copay"), amount: { value: 10, currency: "EUR" } },
      ],
    });

    expect(readClaimCostShare(eob)).toBeNull();
  });
});
