import { describe, expect, it } from "vitest";

import type { ClaimDetail } from "@/lib/claims/claim-detail";

import { explainMemberOwes } from "./explain-member-owes";

function usd(minorUnits: number): { minorUnits: number; currency: string } {
  return { minorUnits, currency: "USD" };
}

function claim(overrides: Partial<ClaimDetail> = {}): ClaimDetail {
  return {
    id: "claim-1",
    claimType: "professional",
    canceled: false,
    providerName: "Lakeside Clinic",
    facilityName: null,
    serviceStart: { precision: "day", year: 2026, month: 3, day: 4 },
    serviceEnd: null,
    processed: { precision: "day", year: 2026, month: 3, day: 10 },
    outcome: "complete",
    disposition: null,
    billed: { kind: "exact", amount: usd(40_000) },
    planPaid: usd(22_000),
    memberOwes: { kind: "exact", amount: usd(6_000) },
    paymentDate: null,
    lines: [],
    diagnoses: [],
    totals: [],
    shareParts: { deductible: usd(5_000), copay: null, coinsurance: usd(1_000), noncovered: usd(0) },
    ...overrides,
  } satisfies ClaimDetail;
}

describe("explainMemberOwes", () => {
  it("names the parts of the share", () => {
    expect(explainMemberOwes(claim())).toEqual({
      headline: "You owe $60.00",
      sentences: ["That is your share under your plan: $50.00 toward your deductible and $10.00 coinsurance.", "Your plan paid $220.00 of the $400.00 billed."],
      namedParts: ["deductible", "coinsurance"],
    });
  });

  it("says when the parts don't add up", () => {
    const explanation = explainMemberOwes(claim({ memberOwes: { kind: "exact", amount: usd(7_000) } }));

    expect(explanation.sentences).toContain("Your plan's statement shows how this amount is split.");
  });

  it("explains a floor", () => {
    const explanation = explainMemberOwes(claim({ memberOwes: { kind: "atLeast", amount: usd(6_000) } }));

    expect(explanation.headline).toBe("You owe at least $60.00");
    expect(explanation.sentences).toContain("Some services on this claim have no cost-sharing details yet, so the final amount may be higher.");
    expect(explanation.sentences).not.toContain("Your plan's statement shows how this amount is split.");
  });

  it("says the member owes nothing", () => {
    const explanation = explainMemberOwes(claim({ memberOwes: { kind: "exact", amount: usd(0) }, shareParts: { deductible: usd(0), copay: null, coinsurance: null, noncovered: null } }));

    expect(explanation).toEqual({
      headline: "You owe $0.00",
      sentences: ["You owe nothing for this claim.", "Your plan paid $220.00 of the $400.00 billed."],
      namedParts: [],
    });
  });

  it("uses the listed share without parts", () => {
    const explanation = explainMemberOwes(claim({ shareParts: { deductible: null, copay: null, coinsurance: null, noncovered: null } }));

    expect(explanation.sentences[0]).toBe("This is the amount your plan lists as your share.");
  });

  it("admits an unknown share", () => {
    const explanation = explainMemberOwes(claim({ memberOwes: { kind: "unknown" }, billed: { kind: "disagreesWithLines" } }));

    expect(explanation).toEqual({
      headline: "Amount not available",
      sentences: [
        "We can't tell what you owe from the details on this claim. Your plan's statement or Member Services can tell you the final amount.",
        "Your plan paid $220.00.",
      ],
      namedParts: [],
    });
  });

  it("explains a canceled claim", () => {
    const explanation = explainMemberOwes(claim({ canceled: true, memberOwes: { kind: "unknown" } }));

    expect(explanation.headline).toBe("Amount not available");
    expect(explanation.sentences).toEqual([
      "This claim was canceled or reversed, so there is nothing to pay on it. If your provider sent a corrected claim, that claim shows what you owe.",
    ]);
  });
});
