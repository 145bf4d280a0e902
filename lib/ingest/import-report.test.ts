import { describe, expect, it } from "vitest";

import { countOutcome, countStored, countWritten, createImportReport, type CountKind, type ImportReport } from "./import-report";

function reportOf(outcomes: [string, CountKind][]): ImportReport {
  const report = createImportReport(0);
  for (const [type, kind] of outcomes) countOutcome(report, type, kind);
  return report;
}

describe("import report counts", () => {
  const report = reportOf([
    ["Patient", "created"],
    ["Patient", "unchanged"],
    ["Claim", "updated"],
    ["Claim", "existing"],
    ["Claim", "deleted"],
  ]);

  it("counts writes without unchanged ones", () => {
    expect(countWritten(report)).toBe(3);
  });

  it("counts every stored outcome", () => {
    expect(countStored(report)).toBe(5);
  });
});
