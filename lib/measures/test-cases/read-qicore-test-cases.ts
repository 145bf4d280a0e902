import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type { MeasureReport, Resource } from "fhir/r4";

import { SAMPLE_DATA_DIR } from "@/lib/fhir/read-sample-resources";

import type { MeasurementPeriod } from "../measure-evaluator";
import { readMeasureReportPopulations, type MeasurePopulations } from "../measure-populations";

/** Folder of the MADiE test decks for the 2025 CMS eCQMs, one subfolder per measure. */
export const qicoreTestCaseDir = path.join(SAMPLE_DATA_DIR, "deqm/ecqm-test-cases-qicore-2025");

/** One published test patient with the populations MADiE expects for it. */
export interface MeasureTestCase {
  /** CMS number, such as "CMS125". */
  measureKey: string;
  /** The case folder's UUID, which is also the Patient id. */
  caseId: string;
  /** The case name from the deck's README.txt, such as "DENEXPass HospiceDiagnosisOverlapsMP". */
  name: string;
  /** The Patient and its clinical resources, without the expected MeasureReport. */
  resources: Resource[];
  expected: MeasurePopulations;
  /** The canonical URL of the Measure the expectation belongs to. */
  measureUrl: string;
  period: MeasurementPeriod;
}

/**
 * Reads every case of the qicore-2025 decks, or of the one measure given (such as "CMS125").
 * Each case folder contains one Patient, its resources and one expected MeasureReport.
 */
export function readQicoreTestCases(measureKey?: string): MeasureTestCase[] {
  const deckFolders = readdirSync(qicoreTestCaseDir).filter((folder) => measureKey === undefined || folder.startsWith(`${measureKey}-`));
  return deckFolders.flatMap((folder) => readDeck(path.join(qicoreTestCaseDir, folder), folder.slice(0, folder.indexOf("-"))));
}

function readDeck(deckDir: string, measureKey: string): MeasureTestCase[] {
  const names = readCaseNames(path.join(deckDir, "README.txt"));
  const caseIds = readdirSync(deckDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  return caseIds.map((caseId) => {
    const caseDir = path.join(deckDir, caseId);
    const all = readdirSync(caseDir)
      .filter((file) => file.endsWith(".json"))
      .sort()
      .map((file) => JSON.parse(readFileSync(path.join(caseDir, file), "utf8")) as Resource);
    const report = all.find((resource): resource is MeasureReport => resource.resourceType === "MeasureReport");
    if (!report?.period?.start || !report.period.end) {
      throw new Error(`Test case ${caseDir} has no MeasureReport with a period; each case folder needs exactly one.`);
    }

    return {
      measureKey,
      caseId,
      name: names.get(caseId) ?? caseId,
      resources: all.filter((resource) => resource.resourceType !== "MeasureReport"),
      expected: readMeasureReportPopulations(report),
      measureUrl: report.measure,
      period: { start: report.period.start, end: report.period.end },
    };
  });
}

/** Reads README.txt lines of the form "<uuid> = <case name>". */
function readCaseNames(readmePath: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of readFileSync(readmePath, "utf8").split(/\r?\n/)) {
    const [, caseId, name] = /^([0-9a-f-]{36}) = (.+)$/.exec(line.trim()) ?? [];
    if (caseId !== undefined && name !== undefined) names.set(caseId, name);
  }
  return names;
}
