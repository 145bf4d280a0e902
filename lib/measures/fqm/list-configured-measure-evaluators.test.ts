import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { listConfiguredMeasureEvaluators } from "./list-configured-measure-evaluators";
import { measureSettingsFile } from "./read-measure-settings";
import { syntheticMeasureResources, syntheticMeasureUrl, writeResources } from "./synthetic-measure-content";

const folders: string[] = [];

function newMeasureFolder(settings?: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lakeview-configured-measures-"));
  folders.push(dir);
  const { measure, mainLibrary, helperLibrary, valueSet } = syntheticMeasureResources();
  writeResources(dir, "screening", [measure, mainLibrary, helperLibrary, valueSet]);
  if (settings !== undefined) writeFileSync(path.join(dir, measureSettingsFile), typeof settings === "string" ? settings : JSON.stringify(settings));
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("listConfiguredMeasureEvaluators", () => {
  it("returns none when unconfigured", () => {
    expect(listConfiguredMeasureEvaluators({})).toEqual([]);
    expect(listConfiguredMeasureEvaluators({ LAKEVIEW_MEASURE_BUNDLE_DIR: "" })).toEqual([]);
  });

  it("returns one evaluator per measure", () => {
    const dir = newMeasureFolder();

    const evaluators = listConfiguredMeasureEvaluators({ LAKEVIEW_MEASURE_BUNDLE_DIR: dir });

    expect(evaluators.map((evaluator) => evaluator.measure.url)).toEqual([syntheticMeasureUrl]);
    expect(evaluators[0]?.improvementNotation).toBe("increase");
  });

  it("reuses the evaluators of a folder", () => {
    const dir = newMeasureFolder();

    const first = listConfiguredMeasureEvaluators({ LAKEVIEW_MEASURE_BUNDLE_DIR: dir });
    const second = listConfiguredMeasureEvaluators({ LAKEVIEW_MEASURE_BUNDLE_DIR: dir });

    expect(second).toBe(first);
  });

  it("applies the improvement notation setting", () => {
    const dir = newMeasureFolder({ improvementNotation: { [syntheticMeasureUrl]: "decrease" } });

    const [evaluator] = listConfiguredMeasureEvaluators({ LAKEVIEW_MEASURE_BUNDLE_DIR: dir });

    expect(evaluator?.improvementNotation).toBe("decrease");
  });

  it.each([
    ["unknown measure", { improvementNotation: { "https://example.org/Measure/absent": "increase" } }, "name https://example.org/Measure/absent, which no Measure in the folder has as its url; correct or remove those entries."],
    ["bad notation", { improvementNotation: { [syntheticMeasureUrl]: "up" } }, `is invalid (improvementNotation.${syntheticMeasureUrl}:`],
    ["unknown key", { improvementNotations: {} }, "is invalid ((root): Unrecognized key"],
    ["broken JSON", "{", "is not valid JSON"],
  ])("rejects settings with %s", (_label, settings, message) => {
    const dir = newMeasureFolder(settings);

    expect(() => listConfiguredMeasureEvaluators({ LAKEVIEW_MEASURE_BUNDLE_DIR: dir })).toThrow(message);
  });

  it("rejects a folder that does not exist", () => {
    const dir = path.join(tmpdir(), "lakeview-no-such-measure-folder");

    expect(() => listConfiguredMeasureEvaluators({ LAKEVIEW_MEASURE_BUNDLE_DIR: dir })).toThrow(
      `LAKEVIEW_MEASURE_BUNDLE_DIR "${dir}" is not an existing folder; point it at the folder of measure bundles, or unset it to run no configured measures.`,
    );
  });
});
