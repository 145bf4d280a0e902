import type { ExplanationOfBenefit } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { DEFAULT_DEMO_SEED, generateDemoData } from "./generate-demo-data";

function totalOf(eob: ExplanationOfBenefit | undefined, code: string): number {
  return eob?.total?.find((total) => total.category.coding?.some((coding) => coding.code === code))?.amount?.value ?? 0;
}

describe("adjudicateFamilyClaims order", () => {
  const eobs = generateDemoData({ members: 25, seed: DEFAULT_DEMO_SEED }).resources.filter(
    (resource): resource is ExplanationOfBenefit => resource.resourceType === "ExplanationOfBenefit",
  );

  it("charges the deductible to the first processed claim", () => {
    const professional = eobs.find((eob) => eob.id === "demo-eob-0005-0018");
    const facility = eobs.find((eob) => eob.id === "demo-eob-0005-0017");

    // Both start Jun 3, 2026; the professional claim is processed on Jun 18, the facility one on Jun 23.
    expect(professional?.created?.slice(0, 10)).toBe("2026-06-18");
    expect(facility?.created?.slice(0, 10)).toBe("2026-06-23");
    // The $2,500 deductible: $594 on the whole professional claim, the other $1,906 on the facility claim.
    expect(totalOf(professional, "deductible")).toBe(594);
    expect(totalOf(facility, "deductible")).toBe(1906);
  });

  it("charges no deductible after coinsurance", () => {
    const byMemberYear = new Map<string, ExplanationOfBenefit[]>();
    for (const eob of eobs) {
      const key = `${eob.patient.reference ?? ""} ${eob.billablePeriod?.start?.slice(0, 4) ?? ""}`;
      byMemberYear.set(key, [...(byMemberYear.get(key) ?? []), eob]);
    }

    const late: string[] = [];
    for (const claims of byMemberYear.values()) {
      const ordered = [...claims].sort((left, right) => Date.parse(left.created) - Date.parse(right.created));
      const firstCoinsurance = ordered.findIndex((eob) => totalOf(eob, "coinsurance") > 0);
      if (firstCoinsurance >= 0) {
        late.push(...ordered.slice(firstCoinsurance + 1).filter((eob) => totalOf(eob, "deductible") > 0).map((eob) => eob.id ?? ""));
      }
    }
    expect(late).toEqual([]);
  });
});
