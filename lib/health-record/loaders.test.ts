import path from "node:path";

import type { Observation } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { seedDemoData } from "../demo/seed-demo-data";
import { FhirStore } from "../fhir/store/fhir-store";
import { importPaths } from "../ingest/import-paths";
import { getHealthSummary } from "./get-health-summary";
import { getHealthRecord } from "./get-health-record";
import { getLabResults } from "./get-lab-results";
import { listEncounters } from "./list-encounters";
import { hasSynthea, readSyntheaResources, syntheaDir, syntheaPatients } from "./testing/synthea-patients";

const skipReason = hasSynthea ? "" : " (skipped: ../shared/data/synthea is absent)";
const louisId = syntheaPatients.louis.patientId;

/** Every id each loader returns for one patient, by section. */
async function loadAllIds(store: FhirStore, patientId: string): Promise<Record<string, string[]>> {
  const { encounters, conditions, medications, immunizations, allergies, labs, procedures } = await getHealthRecord(store, patientId);
  return {
    encounters: encounters.map((view) => view.id),
    conditions: conditions.map((view) => view.id),
    medications: medications.map((view) => view.id),
    immunizations: immunizations.map((view) => view.id),
    allergies: allergies.map((view) => view.id),
    labResults: labs.results.map((view) => view.id),
    trendPoints: labs.trends.flatMap((trend) => trend.points.map((point) => point.id)),
    procedures: procedures.map((view) => view.id),
  };
}

describe.skipIf(!hasSynthea)(`health record loaders on two Synthea patients${skipReason}`, () => {
  let db: Database;
  let store: FhirStore;
  let louisIds: Set<string>;
  let morrisIds: Set<string>;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    const report = await importPaths(db, [path.join(syntheaDir, syntheaPatients.louis.file), path.join(syntheaDir, syntheaPatients.morris.file)]);
    expect(report.rejections).toEqual([]);
    louisIds = new Set(readSyntheaResources(syntheaPatients.louis.file).keys());
    const morris = readSyntheaResources(syntheaPatients.morris.file);
    morrisIds = new Set(morris.keys());

    // Morris's result that names Louis as performer sits in Louis's compartment too, yet is Morris's.
    const morrisPatientId = [...morris.values()].find((resource) => resource.resourceType === "Patient")?.id ?? "";
    const performedByLouis = {
      resourceType: "Observation",
      id: "morris-result-performed-by-louis",
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }],
      code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] },
      subject: { reference: `Patient/${morrisPatientId}` },
      performer: [{ reference: `Patient/${louisId}` }],
      effectiveDateTime: "2021-01-05",
      valueQuantity: { value: 9.9, unit: "%", code: "%" },
    } satisfies Observation;
    await store.writeAll([{ kind: "put", resource: performedByLouis }]);
    morrisIds.add(performedByLouis.id);
  });

  afterAll(async () => {
    await db?.close();
  });

  it("returns only the patient's own resources", async () => {
    const louisCompartment = await store.listInPatientCompartment(louisId, "Observation");

    const sections = await loadAllIds(store, louisId);

    expect(louisCompartment.map((observation) => observation.id)).toContain("morris-result-performed-by-louis");

    for (const [section, ids] of Object.entries(sections)) {
      expect(ids.filter((id) => !louisIds.has(id)), `${section} outside Louis's bundle`).toEqual([]);
      expect(ids.filter((id) => morrisIds.has(id)), `${section} from Morris`).toEqual([]);
    }
  });

  it("keeps every section of the record", async () => {
    const summary = await getHealthSummary(store, louisId);

    expect(summary.counts).toEqual({ encounters: 13, conditions: 12, medications: 5, immunizations: 9, allergies: 1, labResults: 35, procedures: 0 });
    expect(summary.activeConditions.map((condition) => condition.name)).toContain("Diabetes");
    expect(summary.currentMedications.map((medication) => medication.name)).toEqual([
      "Naproxen sodium 220 MG Oral Tablet",
      "Chlorpheniramine Maleate 2 MG/ML Oral Solution",
      "Diazepam [Valium]",
    ]);
  });

  it("names the visit's organization", async () => {
    const [newest] = await listEncounters(store, louisId);

    expect(newest?.type).toBe("Encounter for problem");
    expect(newest?.place).toBe("MILFORD REGIONAL MEDICAL CENTER");
  });

  it("returns nothing for an unknown patient", async () => {
    const sections = await loadAllIds(store, "no-such-patient");

    expect(Object.values(sections).flat()).toEqual([]);
  });
});

describe("health record loaders on demo data", () => {
  let db: Database;
  let store: FhirStore;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    await seedDemoData(db, { members: 6 });
  });

  afterAll(async () => {
    await db?.close();
  });

  it("charts demo HbA1c with the lab's range", async () => {
    const patients = await store.listAll("Patient");
    const trends = await Promise.all(patients.map(async (patient) => (await getLabResults(store, patient.id ?? "")).trends));
    const hba1c = trends.flat().filter((trend) => trend.measure === "hba1c" && trend.points.length > 0);

    expect(hba1c.length).toBeGreaterThan(0);
    for (const trend of hba1c) {
      expect(trend.rangeSource).toBe("recorded");
      expect(trend.ranges).toEqual({ value: { low: null, high: 5.6 } });
      // The table shows the lab's text and the chart shades to its bound: both must say 5.6%.
      expect(trend.rangeText).toBe("5.6% or below");
    }
  });

  it("builds every section for each demo member", async () => {
    const patients = await store.listAll("Patient");

    for (const patient of patients) {
      const summary = await getHealthSummary(store, patient.id ?? "");
      expect(summary.counts.encounters, `visits of ${patient.id}`).toBeGreaterThan(0);
    }
  });
});
