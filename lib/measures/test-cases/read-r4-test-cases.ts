import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type { MeasureReport, Resource } from "fhir/r4";

import { SAMPLE_DATA_DIR } from "@/lib/fhir/read-sample-resources";

import type { MeasurementPeriod } from "../measure-evaluator";
import { emptyMeasurePopulations, readMeasureReportPopulations, type MeasurePopulations } from "../measure-populations";

/** Folder of the ecqm-content-r4-2021 test decks, one subfolder per measure and one per case below it. */
export const r4TestCaseDir = path.join(SAMPLE_DATA_DIR, "deqm/ecqm-test-cases");

/** One r4-2021 test patient with the populations its MeasureReport or folder name expects. */
export interface R4MeasureTestCase {
  /** The deck's measure key, such as "EXM125" or "CMS122". */
  measureKey: string;
  /** The case folder's name, such as "numer-EXM130-colonoscopy-10yr". */
  name: string;
  /** The Patient and its clinical resources, without the expected MeasureReport. */
  resources: Resource[];
  expected: MeasurePopulations;
  /** Source of `expected`: the case's own MeasureReport, or the prefix of its folder name. */
  expectationSource: "measure-report" | "folder-name";
  period: MeasurementPeriod;
}

/**
 * The measurement period of each deck. The decks' MeasureReports give 2021 for EXM125 and 2019
 * for CMS122 (as local dates at -07:00). EXM130 publishes no MeasureReport, but its visits fall
 * in 2021 and its lookbacks (one year for FOBT, three for FIT-DNA) count back from 2021.
 */
const deckPeriods: Record<string, MeasurementPeriod> = {
  EXM125: { start: "2021-01-01", end: "2021-12-31" },
  EXM130: { start: "2021-01-01", end: "2021-12-31" },
  CMS122: { start: "2019-01-01", end: "2019-12-31" },
};

/**
 * Reads every case of the r4-2021 decks (EXM125, EXM130, CMS122), or of the one deck given.
 * A case folder contains `<ResourceType>/<id>.json` files and, for five cases, an expected
 * MeasureReport. Without one, the folder name's prefix gives the expectation.
 */
export function readR4TestCases(measureKey?: string): R4MeasureTestCase[] {
  const deckFolders = readdirSync(r4TestCaseDir)
    .filter((folder) => measureKey === undefined || folder.startsWith(`${measureKey}-`))
    .sort();
  return deckFolders.flatMap((folder) => readDeck(folder));
}

function readDeck(folder: string): R4MeasureTestCase[] {
  const measureKey = folder.slice(0, folder.indexOf("-"));
  const period = deckPeriods[measureKey];
  if (!period) throw new Error(`No measurement period is known for the test deck ${folder}; add one to deckPeriods.`);

  const deckDir = path.join(r4TestCaseDir, folder);
  const caseNames = readdirSync(deckDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return caseNames.map((name) => readCase(path.join(deckDir, name), measureKey, name, period));
}

function readCase(caseDir: string, measureKey: string, name: string, period: MeasurementPeriod): R4MeasureTestCase {
  const all = readdirSync(caseDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(caseDir, file), "utf8")) as Resource);
  const report = all.find((resource): resource is MeasureReport => resource.resourceType === "MeasureReport");
  const resources = all.filter((resource) => resource.resourceType !== "MeasureReport");

  if (!report) {
    return { measureKey, name, resources, expected: expectationFromFolderName(name), expectationSource: "folder-name", period };
  }
  const reportStart = report.period.start?.slice(0, 10);
  if (reportStart !== period.start) {
    throw new Error(`Test case ${caseDir} has a MeasureReport for a period starting ${report.period.start}; expected ${period.start}, so update deckPeriods.`);
  }
  return { measureKey, name, resources, expected: readMeasureReportPopulations(report), expectationSource: "measure-report", period };
}

/**
 * Reads the expectation a case folder's name encodes:
 * - `numer-…` is in the numerator, and `numer-…-FAIL-…` is in the denominator but misses the
 *   numerator (the test is too old, has the wrong status, or is missing);
 * - `denom-…` is in the denominator only;
 * - `denomexcl-…` and `exclusion-…` are excluded from the denominator;
 * - `neg-ip-…` and `no-ip-…` are outside the initial population (age, no visit, no diagnosis).
 * Excluded patients count 0 in the numerator, as fqm-execution and MADiE report them.
 */
export function expectationFromFolderName(name: string): MeasurePopulations {
  const none = emptyMeasurePopulations();
  const inDenominator = { ...none, "initial-population": 1, denominator: 1 };

  if (name.startsWith("neg-ip-") || name.startsWith("no-ip-")) return none;
  if (name.startsWith("denomexcl-") || name.startsWith("exclusion-")) return { ...inDenominator, "denominator-exclusion": 1 };
  if (name.startsWith("denom-")) return inDenominator;
  if (name.startsWith("numer-")) return name.includes("-FAIL-") ? inDenominator : { ...inDenominator, numerator: 1 };
  throw new Error(`Test case folder ${name} starts with no known prefix (numer, denom, denomexcl, exclusion, neg-ip, no-ip); add its meaning to expectationFromFolderName.`);
}
