import { describe, expect, it } from "vitest";

import { createImportReport } from "./import-report";
import { toImportIssues } from "./to-import-issues";
import { countFinding, createValidationSummary } from "./validation-summary";

describe("toImportIssues", () => {
  it("lists each profile warning rule once with its count", () => {
    const summary = createValidationSummary("checked");
    const issue = { severity: "warning", code: "required", rule: "us-core-condition.category", diagnostics: "Condition.category: minimum 1 required", expression: "Condition.category" } as const;
    countFinding(summary, issue);
    countFinding(summary, issue);
    countFinding(summary, { severity: "information", code: "informational", rule: "binding.external", diagnostics: "SNOMED CT is not checked offline" });
    const report = createImportReport(1, summary);

    const rows = toImportIssues(report);

    expect(rows).toEqual([
      {
        filePath: "",
        line: null,
        messageControlId: null,
        resource: null,
        location: "Condition.category",
        severity: "warning",
        code: "us-core-condition.category",
        text: "2 kept resources: Condition.category: minimum 1 required",
        failedMessageHash: null,
      },
    ]);
  });
});
