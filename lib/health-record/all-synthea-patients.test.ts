import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type { Bundle, FhirResource, Observation } from "fhir/r4";
import { describe, expect, it } from "vitest";

import type { HealthRecordResource } from "./list-own-resources";
import { hasSynthea, syntheaDir } from "./testing/synthea-patients";
import { toAllergyView } from "./to-allergy-view";
import { toConditionView } from "./to-condition-view";
import { toEncounterView } from "./to-encounter-view";
import { toImmunizationView } from "./to-immunization-view";
import { toLabResultView } from "./to-lab-result-view";
import { toLabTrends } from "./to-lab-trends";
import { toMedicationView } from "./to-medication-view";
import { toProcedureView } from "./to-procedure-view";

const syntheaRoot = path.dirname(syntheaDir);
const skipReason = hasSynthea ? "" : " (skipped: ../shared/data/synthea is absent)";

/** Reads every resource of every Synthea bundle, keeping the file name for failure messages. */
function readAllBundles(): { file: string; resources: FhirResource[] }[] {
  return readdirSync(syntheaRoot, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const bundle: Bundle<FhirResource> = JSON.parse(readFileSync(path.join(syntheaRoot, name), "utf8"));
      return { file: name, resources: (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : [])) };
    })
    .filter((bundle) => bundle.resources.some((resource) => resource.resourceType === "Patient"));
}

/** Maps one bundle's clinical resources and returns the display names that came out empty. */
function unnamedViews(resources: FhirResource[]): string[] {
  const unnamed: string[] = [];
  for (const resource of resources) {
    const name = nameOf(resource);
    if (name === null) {
      unnamed.push(`${resource.resourceType}/${resource.id}`);
    }
  }
  return unnamed;
}

const clinicalTypes: ReadonlySet<string> = new Set(["Condition", "MedicationRequest", "Immunization", "AllergyIntolerance", "Procedure", "Observation", "Encounter"]);

function isClinical(resource: FhirResource): resource is HealthRecordResource {
  return clinicalTypes.has(resource.resourceType);
}

/** Returns the name the page shows for a clinical resource, or undefined for other types and hidden entries. */
function nameOf(resource: FhirResource): string | null | undefined {
  if (!isClinical(resource)) {
    return undefined;
  }
  switch (resource.resourceType) {
    case "Condition":
      return toConditionView(resource)?.name;
    case "MedicationRequest":
      return toMedicationView(resource)?.name;
    case "Immunization":
      return toImmunizationView(resource)?.vaccine;
    case "AllergyIntolerance":
      return toAllergyView(resource)?.substance;
    case "Procedure":
      return toProcedureView(resource)?.name;
    case "Observation":
      return toLabResultView(resource)?.name;
    case "Encounter":
      return toEncounterView(resource, new Map()).type ?? resource.class.code;
  }
}

describe.skipIf(!hasSynthea)(`health record mappers on every Synthea patient${skipReason}`, () => {
  const bundles = hasSynthea ? readAllBundles() : [];

  it("reads every patient bundle", () => {
    expect(bundles.length).toBe(51);
  });

  it("names every clinical resource", () => {
    const unnamed = bundles.flatMap((bundle) => unnamedViews(bundle.resources).map((key) => `${bundle.file}: ${key}`));

    expect(unnamed).toEqual([]);
  });

  it("charts every coded measure", () => {
    const pointsByMeasure: Record<string, number> = {};

    for (const bundle of bundles) {
      const observations = bundle.resources.filter((resource): resource is Observation => resource.resourceType === "Observation");
      for (const trend of toLabTrends(observations)) {
        pointsByMeasure[trend.measure] = (pointsByMeasure[trend.measure] ?? 0) + trend.points.length;
      }
    }

    expect(pointsByMeasure).toEqual({ hba1c: 173, ldl: 224, bloodPressure: 468, bmi: 445 });
  });
});
