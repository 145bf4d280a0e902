import { describe, expect, it } from "vitest";

import { evidenceTemplates } from "@/lib/care-gaps/evidence-templates";

import { measureContent } from "./measure-content";
import { careGapsStrings } from "./strings";

describe("measureContent", () => {
  it.each(Object.keys(evidenceTemplates))("has text for %s", (measureId) => {
    const content = measureContent(measureId, "Fallback title");

    expect(content.title).not.toBe("Fallback title");
    expect(content.closesWhen("Oct 1, 2024")).toContain("Oct 1, 2024");
  });

  it("falls back to the measure's own title", () => {
    const content = measureContent("BreastCancerScreeningFHIR", "Breast Cancer Screening (eCQM)");

    expect(content).toMatchObject({ title: "Breast Cancer Screening (eCQM)", whatItIs: careGapsStrings.otherMeasure("").whatItIs });
  });

  it("ignores inherited property names", () => {
    expect(measureContent("toString", "Plan measure").title).toBe("Plan measure");
  });
});
