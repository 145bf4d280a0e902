import type { ExplanationOfBenefit } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { DEFAULT_DEMO_SEED, generateDemoData } from "../demo/generate-demo-data";
import { toClaimDetail } from "./to-claim-detail";

const lookups = { names: new Map<string, string>(), conditions: new Map() };

describe("toClaimDetail lines on demo EOBs", () => {
  const claims = generateDemoData({ members: 25, seed: DEFAULT_DEMO_SEED }).resources.filter(
    (resource): resource is ExplanationOfBenefit => resource.resourceType === "ExplanationOfBenefit",
  );

  it("shows room and board without a code", () => {
    const claim = claims.find((eob) => eob.id === "demo-eob-0005-0017");
    const detail = claim ? toClaimDetail(claim, lookups) : null;
    const roomAndBoard = detail?.lines.find((line) => line.description === "Room and board, semi-private, per day");

    expect(roomAndBoard).toBeDefined();
    expect(roomAndBoard?.code).toBeNull();
  });

  it("never shows not-applicable as a code", () => {
    const codes = claims.flatMap((eob) => toClaimDetail(eob, lookups).lines.map((line) => line.code));

    expect(codes.length).toBeGreaterThan(0);
    expect(codes).not.toContain("not-applicable");
  });
});
