import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Bundle, Resource } from "fhir/r4";
import { afterEach, describe, expect, it } from "vitest";

import { measureSuiteSkipReason, sampleMeasureBundleDir } from "../test-cases/measure-suite-skip-reason";
import { loadMeasureBundles } from "./load-measure-bundles";
import { libraryWithoutElm, syntheticMeasureResources, syntheticMeasureUrl, syntheticValueSetUrl, writeResources } from "./synthetic-measure-content";

const folders: string[] = [];

function newFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lakeview-measure-bundles-"));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function entryTypes(bundle: Bundle): string[] {
  return (bundle.entry ?? []).map((entry) => `${entry.resource?.resourceType}/${entry.resource?.id}`);
}

const measureLabel = `Measure ${syntheticMeasureUrl}|1.0.0 (screening/Measure-lakeview-test-screening.json)`;

describe("loadMeasureBundles", () => {
  it("assembles loose files with shared libraries", () => {
    const { measure, mainLibrary, helperLibrary, valueSet } = syntheticMeasureResources();
    const dir = writeResources(newFolder(), "screening", [measure, mainLibrary]);
    writeResources(dir, "_shared-libraries", [helperLibrary]);
    writeFileSync(path.join(dir, "screening", "valuesets-bundle.json"), JSON.stringify({ resourceType: "Bundle", type: "collection", entry: [{ resource: valueSet }] }));

    const [loaded, ...rest] = loadMeasureBundles(dir);

    expect(rest).toEqual([]);
    expect(loaded?.measure.url).toBe(syntheticMeasureUrl);
    expect(loaded?.file).toBe(path.join("screening", "Measure-lakeview-test-screening.json"));
    expect(entryTypes(loaded?.bundle ?? { resourceType: "Bundle", type: "collection" })).toEqual([
      "Measure/lakeview-test-screening",
      "Library/LakeviewTestScreening",
      "Library/LakeviewTestHelpers",
      "ValueSet/test-screening",
    ]);
  });

  it("reads a complete transaction Bundle and ignores test patients", () => {
    const { measure, mainLibrary, helperLibrary, valueSet } = syntheticMeasureResources();
    const patient: Resource = { resourceType: "Patient", id: "test-patient" };
    const bundle: Bundle = { resourceType: "Bundle", type: "transaction", entry: [measure, mainLibrary, helperLibrary, valueSet, patient].map((resource) => ({ resource })) };
    const dir = newFolder();
    writeFileSync(path.join(dir, "screening-bundle.json"), JSON.stringify(bundle));

    const loaded = loadMeasureBundles(dir);

    expect(loaded).toHaveLength(1);
    expect(entryTypes(loaded[0]?.bundle ?? bundle)).not.toContain("Patient/test-patient");
    expect(entryTypes(loaded[0]?.bundle ?? bundle)).toHaveLength(4);
  });

  it("resolves a dependency by library name and version", () => {
    const { measure, mainLibrary, helperLibrary, valueSet } = syntheticMeasureResources();
    const exportedHelper = { ...helperLibrary, url: "https://madie.example/Library/LakeviewTestHelpers" };
    const dir = writeResources(newFolder(), "screening", [measure, mainLibrary, exportedHelper, valueSet]);

    const [loaded] = loadMeasureBundles(dir);

    expect(entryTypes(loaded?.bundle ?? { resourceType: "Bundle", type: "collection" })).toContain("Library/LakeviewTestHelpers");
  });

  it("leaves out libraries the measure does not reach", () => {
    const { measure, mainLibrary, helperLibrary, valueSet } = syntheticMeasureResources();
    const unused = { ...helperLibrary, id: "Unused", name: "Unused", url: "https://lakeview.example/fhir/Library/Unused", relatedArtifact: [{ type: "depends-on" as const, resource: "https://lakeview.example/fhir/ValueSet/absent" }] };
    const dir = writeResources(newFolder(), "screening", [measure, mainLibrary, helperLibrary, valueSet, unused]);

    const [loaded] = loadMeasureBundles(dir);

    expect(entryTypes(loaded?.bundle ?? { resourceType: "Bundle", type: "collection" })).not.toContain("Library/Unused");
  });

  describe("rejects a folder that cannot run", () => {
    const cases: { name: string; arrange: (dir: string) => void; message: string }[] = [
      {
        name: "missing library",
        arrange: (dir) => {
          const { measure, mainLibrary, valueSet } = syntheticMeasureResources();
          writeResources(dir, "screening", [measure, mainLibrary, valueSet]);
        },
        message: `- ${measureLabel} needs Library https://lakeview.example/fhir/Library/LakeviewTestHelpers|1.0.0 (from Library LakeviewTestScreening), which is not in the folder; add that Library, with application/elm+json content, as a file or Bundle entry.`,
      },
      {
        name: "missing ValueSet",
        arrange: (dir) => {
          const { measure, mainLibrary, helperLibrary } = syntheticMeasureResources();
          writeResources(dir, "screening", [measure, mainLibrary, helperLibrary]);
        },
        message: `- ${measureLabel} needs ValueSet ${syntheticValueSetUrl} (named by Library LakeviewTestScreening), which is not in the folder; add that ValueSet with its expansion as a file or Bundle entry, because Lakeview never downloads ValueSets.`,
      },
      {
        name: "library without ELM JSON",
        arrange: (dir) => {
          const { measure, mainLibrary, valueSet } = syntheticMeasureResources();
          writeResources(dir, "screening", [measure, mainLibrary, valueSet, libraryWithoutElm("LakeviewTestHelpers")]);
        },
        message: `- ${measureLabel} needs Library https://lakeview.example/fhir/Library/LakeviewTestHelpers|1.0.0 (screening/Library-LakeviewTestHelpers.json), which has no application/elm+json content; fqm-execution runs ELM JSON only, so add the Library exported with ELM JSON.`,
      },
      {
        name: "file that is not JSON",
        arrange: (dir) => {
          const { measure, mainLibrary, helperLibrary, valueSet } = syntheticMeasureResources();
          writeResources(dir, "screening", [measure, mainLibrary, helperLibrary, valueSet]);
          writeFileSync(path.join(dir, "screening", "notes.json"), "{ not json");
        },
        message: "- screening/notes.json is not a FHIR resource in JSON; fix it or move it out of the folder.",
      },
      {
        name: "two copies of a measure",
        arrange: (dir) => {
          const { measure, mainLibrary, helperLibrary, valueSet } = syntheticMeasureResources();
          writeResources(dir, "screening", [measure, mainLibrary, helperLibrary, valueSet]);
          writeResources(dir, "screening-copy", [measure]);
        },
        message: "- screening/Measure-lakeview-test-screening.json and screening-copy/Measure-lakeview-test-screening.json in",
      },
      {
        name: "folder without a measure",
        arrange: (dir) => {
          writeResources(dir, "libraries", [syntheticMeasureResources().helperLibrary]);
        },
        message: "contains no Measure resource; add one folder per measure with its Measure, Library and ValueSet files, or a complete measure Bundle.",
      },
    ];

    it.each(cases)("$name", ({ arrange, message }) => {
      const dir = newFolder();
      arrange(dir);

      expect(() => loadMeasureBundles(dir)).toThrow(message);
      expect(() => loadMeasureBundles(dir)).toThrow(`The measure bundle folder ${dir} cannot be used:`);
    });

    it("absent folder", () => {
      const dir = path.join(newFolder(), "absent");

      expect(() => loadMeasureBundles(dir)).toThrow(
        `The measure bundle folder ${dir} does not exist or is not a folder; create it, or point LAKEVIEW_MEASURE_BUNDLE_DIR at the folder that contains the measure bundles.`,
      );
    });

    it("lists every problem at once", () => {
      const dir = newFolder();
      const { measure, mainLibrary } = syntheticMeasureResources();
      writeResources(dir, "screening", [measure, mainLibrary]);
      mkdirSync(path.join(dir, "other"));
      writeFileSync(path.join(dir, "other", "broken.json"), "[]");

      expect(() => loadMeasureBundles(dir)).toThrow(/other\/broken\.json is not a FHIR resource[\s\S]*needs Library/);
    });
  });
});

const skipReason = measureSuiteSkipReason();

describe.skipIf(skipReason !== undefined)(`loadMeasureBundles on the sample measures${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  it("assembles each measure with only the libraries it needs", () => {
    const bundles = loadMeasureBundles(sampleMeasureBundleDir);

    const summary = Object.fromEntries(
      bundles.map(({ measure, bundle }) => {
        const types = (bundle.entry ?? []).map((entry) => entry.resource?.resourceType);
        return [measure.url, { libraries: types.filter((type) => type === "Library").length, valueSets: types.filter((type) => type === "ValueSet").length }];
      }),
    );
    expect(bundles).toHaveLength(13);
    expect(summary["https://madie.cms.gov/Measure/BreastCancerScreeningFHIR"]).toEqual({ libraries: 10, valueSets: 32 });
    expect(summary["https://madie.cms.gov/Measure/CervicalCancerScreeningFHIR"]).toEqual({ libraries: 7, valueSets: 21 });
    expect(summary["https://madie.cms.gov/Measure/DiabetesEyeExamFHIR"]).toEqual({ libraries: 9, valueSets: 27 });
    expect(summary["http://ecqi.healthit.gov/ecqms/Measure/BreastCancerScreeningsFHIR"]).toEqual({ libraries: 9, valueSets: 41 });
    expect(summary["http://hl7.org/fhir/us/cqfmeasures/Measure/EXM125"]).toEqual({ libraries: 6, valueSets: 23 });
  });
});
