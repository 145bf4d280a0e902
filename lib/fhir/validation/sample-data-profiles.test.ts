import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { generateDemoData } from "../../demo/generate-demo-data";
import { hasSampleData, readSampleResources, SAMPLE_DATA_DIR } from "../read-sample-resources";
import { getIgCatalog } from "./get-ig-catalog";
import type { IgCatalog } from "./ig-catalog";
import { validateAgainstProfiles } from "./validate-against-profiles";

const IG_DIR = path.join(SAMPLE_DATA_DIR, "igs");
// These checks use no database, so `npm test` runs them in its PGlite pass only.
const canRun = hasSampleData() && fs.existsSync(IG_DIR) && process.env.TEST_DATABASE_URL === undefined;

/** Counts the findings of the resources by severity and rule, such as "warning USCorePatientProfile|6.1.0 Patient.gender min". */
function countFindings(resources: Iterable<object>, catalog: IgCatalog, severities: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) {
    for (const issue of validateAgainstProfiles(resource, { catalog }).issues) {
      if (!severities.includes(issue.severity)) continue;
      const key = `${issue.severity} ${issue.rule}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

describe.skipIf(!canRun)("default profiles on sample data", () => {
  const catalog = canRun ? getIgCatalog(IG_DIR) : undefined;

  // About 14,000 resources at roughly 150 per second on a 2-core container.
  it("finds no errors in the Synthea bundles", { timeout: 600_000 }, () => {
    const resources = readSampleResources()
      .filter((sample) => sample.file.startsWith("synthea"))
      .map((sample) => sample.resource);

    const findings = countFindings(resources, catalog as IgCatalog, ["error", "warning"]);

    // Synthea's R4 Conditions carry no category, which US Core 6.1.0 requires. They declare no
    // profile, so the finding is a warning and the Conditions are kept.
    expect(findings).toEqual({ "warning USCoreConditionProblemsHealthConcernsProfile|6.1.0 Condition.category min": 386 });
  });

  it("finds nothing but information in the demo data", { timeout: 600_000 }, () => {
    const { resources } = generateDemoData({ members: 25, seed: 7 });

    const findings = countFindings(resources, catalog as IgCatalog, ["error", "warning"]);

    expect(findings).toEqual({});
  });
});
