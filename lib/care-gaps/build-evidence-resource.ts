import { randomUUID } from "node:crypto";

import type { Immunization, Observation, ObservationComponent, Procedure, Quantity } from "fhir/r4";

import { pendingEvidenceTags } from "./care-gap-codes";
import type { EvidenceTemplate } from "./evidence-templates";
import type { GapReport } from "./parse-gap-report";

/** The clinical resource a member's report is stored as. */
export type EvidenceResource = Observation | Procedure | Immunization;

const loinc = "http://loinc.org";

/**
 * Builds the resource that closes a gap once a care manager accepts it, from the measure's
 * template and the member's report, under a fresh id. It is tagged as patient-reported and
 * pending review, which measure evaluation ignores until the tag becomes accepted.
 */
export function buildEvidenceResource(template: EvidenceTemplate, report: GapReport, patientId: string): EvidenceResource {
  const common = { id: randomUUID(), meta: { tag: pendingEvidenceTags.map((tag) => ({ ...tag })) } };
  const patient = { reference: `Patient/${patientId}` };
  const code = { coding: [{ ...template.code }], text: template.code.display };
  const place = report.place === null ? undefined : { display: report.place };

  switch (template.resourceType) {
    case "Observation":
      return {
        ...common,
        resourceType: "Observation",
        status: "final",
        ...(template.category ? { category: [{ coding: [{ ...template.category }] }] } : {}),
        code,
        subject: patient,
        effectiveDateTime: report.date,
        ...(place ? { performer: [place] } : {}),
        ...observationValues(report),
      };
    case "Procedure":
      return { ...common, resourceType: "Procedure", status: "completed", code, subject: patient, performedDateTime: report.date, ...(place ? { location: place } : {}) };
    case "Immunization":
      return {
        ...common,
        resourceType: "Immunization",
        status: "completed",
        vaccineCode: code,
        patient,
        occurrenceDateTime: report.date,
        // The member recalls the dose; the record of the one who gave it is not at hand.
        primarySource: false,
        reportOrigin: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/immunization-origin", code: "recall", display: "Parent/Guardian/Patient Recall" }] },
        ...(place ? { location: place } : {}),
      };
  }
}

function observationValues(report: GapReport): Pick<Observation, "valueQuantity" | "component"> {
  if (report.hba1c !== undefined) {
    return { valueQuantity: { value: report.hba1c, unit: "%", system: "http://unitsofmeasure.org", code: "%" } };
  }
  if (report.bloodPressure) {
    return {
      component: [
        pressureComponent("8480-6", "Systolic blood pressure", report.bloodPressure.systolic),
        pressureComponent("8462-4", "Diastolic blood pressure", report.bloodPressure.diastolic),
      ],
    };
  }
  return {};
}

function pressureComponent(code: string, display: string, value: number): ObservationComponent {
  const quantity: Quantity = { value, unit: "mm[Hg]", system: "http://unitsofmeasure.org", code: "mm[Hg]" };
  return { code: { coding: [{ system: loinc, code, display }], text: display }, valueQuantity: quantity };
}
