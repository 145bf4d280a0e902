import type { FhirResource } from "fhir/r4";
import { beforeAll, describe, expect, it } from "vitest";

import { formatCalendarDate } from "@/components/member/format-calendar-date";

import { hasSynthea, pickResource, readSyntheaResources, syntheaPatients } from "./testing/synthea-patients";
import { toAllergyView } from "./to-allergy-view";
import { toConditionView } from "./to-condition-view";
import { toEncounterView } from "./to-encounter-view";
import { toImmunizationView } from "./to-immunization-view";
import { toLabResultView } from "./to-lab-result-view";
import { toLabTrends } from "./to-lab-trends";
import { toMedicationView } from "./to-medication-view";
import { toProcedureView } from "./to-procedure-view";

const skipReason = hasSynthea ? "" : " (skipped: ../shared/data/synthea is absent)";
let louis: Map<string, FhirResource>;
let morris: Map<string, FhirResource>;

beforeAll(() => {
  if (hasSynthea) {
    louis = readSyntheaResources(syntheaPatients.louis.file);
    morris = readSyntheaResources(syntheaPatients.morris.file);
  }
});

/** Writes a view's date as the page shows it, so the assertions read like the page. */
function shown(date: Parameters<typeof formatCalendarDate>[0] | null): string | null {
  return date ? formatCalendarDate(date, "en-US") : null;
}

describe.skipIf(!hasSynthea)(`health record mappers on Synthea${skipReason}`, () => {
  it("toConditionView maps an active condition", () => {
    const view = toConditionView(pickResource(louis, "Condition", "ae7c4a66-6789-49d4-bb91-729dbef6dff7"));

    expect(view?.name).toBe("Seizure disorder");
    expect(view?.status).toBe("active");
    expect(view?.group).toBe("active");
    expect(shown(view?.onset ?? null)).toBe("Jan 16, 1976");
    expect(view?.abatement).toBeNull();
  });

  it("toConditionView maps a resolved condition", () => {
    const view = toConditionView(pickResource(louis, "Condition", "cd96624b-a05f-45cc-8e37-e06205a51e38"));

    expect(view?.name).toBe("Viral sinusitis (disorder)");
    expect(view?.status).toBe("resolved");
    expect(view?.group).toBe("past");
    expect(shown(view?.onset ?? null)).toBe("May 30, 2012");
    expect(shown(view?.abatement ?? null)).toBe("Jun 13, 2012");
  });

  it("toMedicationView splits current from past", () => {
    const current = toMedicationView(pickResource(louis, "MedicationRequest", "477d491b-bfed-46b2-a61e-5308364f8152"));
    const past = toMedicationView(pickResource(louis, "MedicationRequest", "73164b12-85ea-4222-ad36-5741b50c98a9"));

    expect(current).toEqual({
      id: "477d491b-bfed-46b2-a61e-5308364f8152",
      name: "Diazepam [Valium]",
      status: "active",
      group: "current",
      authoredOn: expect.objectContaining({ precision: "day", year: 1976, month: 1, day: 16 }),
      dosage: null,
      prescriber: null,
    });
    expect(past?.name).toBe("Acetaminophen 325 MG Oral Tablet");
    expect(past?.status).toBe("stopped");
    expect(past?.group).toBe("past");
  });

  it("toImmunizationView maps a vaccination", () => {
    const view = toImmunizationView(pickResource(louis, "Immunization", "6f6b3328-e7b1-4c5e-9cf6-6c56073a6891"));

    expect(view?.vaccine).toBe("Influenza, seasonal, injectable, preservative free");
    expect(shown(view?.date ?? null)).toBe("Mar 8, 2013");
    expect(view?.given).toBe(true);
  });

  it("toAllergyView maps an allergy", () => {
    const view = toAllergyView(pickResource(louis, "AllergyIntolerance", "2fb35ddd-5a13-4e13-a483-f810a711029a"));

    expect(view?.substance).toBe("Dander (animal) allergy");
    expect(view?.status).toBe("active");
    expect(view?.categories).toEqual(["food"]);
    expect(view?.criticality).toBe("low");
    expect(view?.reactions).toEqual([]);
    expect(shown(view?.recorded ?? null)).toBe("Feb 11, 1981");
  });

  it("toEncounterView maps an emergency visit", () => {
    const view = toEncounterView(pickResource(louis, "Encounter", "6f8a78a4-8b09-48b4-89b0-898a2e7df6c4"), new Map());

    expect(view.type).toBe("Emergency Room Admission");
    expect(view.classCode).toBe("EMER");
    expect(view.reason).toBe("Seizure disorder");
    expect(shown(view.start)).toBe("Jan 16, 1976");
    expect(view.place).toBeNull();
    expect(view.planned).toBe(false);
  });

  it("toProcedureView maps a colonoscopy", () => {
    const view = toProcedureView(pickResource(morris, "Procedure", "8fa4fa95-8839-4b5d-b5bd-7bddd2b4c38e"));

    expect(view?.name).toBe("Colonoscopy");
    expect(shown(view?.date ?? null)).toBe("Dec 25, 2020");
    expect(view?.status).toBe("completed");
  });

  it("toLabResultView keeps value and unit", () => {
    const view = toLabResultView(pickResource(louis, "Observation", "b73031ce-c550-4d10-b12e-8bef7be87df9"));

    expect(view?.name).toBe("Hemoglobin A1c/Hemoglobin.total in Blood");
    expect(view?.value).toEqual({ kind: "quantity", quantity: { value: 7.386637231394623, unit: "%", comparator: null } });
    expect(shown(view?.date ?? null)).toBe("Jan 31, 2020");
    expect(view?.range).toBeNull();
    expect(view?.flag).toBeNull();
  });

  it("toLabTrends charts HbA1c and LDL with standard ranges", () => {
    const trends = toLabTrends([...louis.values()].filter((resource) => resource.resourceType === "Observation"));
    const hba1c = trends.find((trend) => trend.measure === "hba1c");
    const ldl = trends.find((trend) => trend.measure === "ldl");

    expect(hba1c?.points.map((point) => [shown(point.date), point.values.value])).toEqual([
      ["Jan 31, 2020", 7.386637231394623],
      ["Oct 9, 2020", 7.4987279015619155],
    ]);
    expect(hba1c?.rangeSource).toBe("standard");
    expect(hba1c?.ranges).toEqual({ value: { low: null, high: 5.7 } });
    expect(ldl?.points.map((point) => shown(point.date))).toEqual(["Mar 8, 2013", "Jan 26, 2018", "Oct 9, 2020"]);
    expect(ldl?.unit).toBe("mg/dL");
  });

  it("toLabTrends reads blood pressure components", () => {
    const trends = toLabTrends([...morris.values()].filter((resource) => resource.resourceType === "Observation"));
    const bloodPressure = trends.find((trend) => trend.measure === "bloodPressure");

    expect(bloodPressure?.points[0]).toEqual({
      id: "08a26f6f-6670-40dd-b66f-a50c49c2cd1e",
      date: expect.objectContaining({ year: 2013, month: 1, day: 4 }),
      values: { systolic: 171.7490250736263, diastolic: 95.35258754853831 },
    });
    expect(bloodPressure?.ranges).toEqual({ systolic: { low: null, high: 120 }, diastolic: { low: null, high: 80 } });
  });
});
