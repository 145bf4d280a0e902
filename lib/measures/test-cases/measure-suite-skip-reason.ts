import { existsSync } from "node:fs";
import path from "node:path";

import { SAMPLE_DATA_DIR } from "@/lib/fhir/read-sample-resources";

/** The published measure content (NCQA-owned, test input only) that the test-case suites run. */
export const sampleMeasureBundleDir = path.join(SAMPLE_DATA_DIR, "measures");

const neededFolders = ["measures", "deqm/ecqm-test-cases", "deqm/ecqm-test-cases-qicore-2025"];

/**
 * Returns why the published test-case suites cannot run here, or undefined when they can. They
 * need the sample measures and decks. They run on the PGlite pass of `npm test` only, because
 * they touch no database and the PostgreSQL pass (TEST_DATABASE_URL set) would repeat them unchanged.
 */
export function measureSuiteSkipReason(): string | undefined {
  const missing = neededFolders.filter((folder) => !existsSync(path.join(SAMPLE_DATA_DIR, folder)));
  if (missing.length > 0) return `sample data missing: ${missing.map((folder) => path.join(SAMPLE_DATA_DIR, folder)).join(", ")}`;
  if (process.env.TEST_DATABASE_URL) return "needs no database, so it runs on the PGlite pass only";
  return undefined;
}
