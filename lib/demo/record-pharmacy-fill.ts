import { addClaim, clinicianOnClaim } from "./add-claim";
import { quantityPerFill } from "./build-medication-request";
import type { PractitionerInfo } from "./build-provider-directory";
import { priceLine } from "./claim-draft";
import type { MedicationKind } from "./clinical-catalog";
import { medications } from "./clinical-catalog";
import { codeSystems } from "./code-systems";
import type { MemberChart } from "./member-chart";
import type { BillableService } from "./service-catalog";

/** One dispensing of a prescription at the pharmacy. */
export interface PharmacyFill {
  day: number;
  medication: MedicationKind;
  prescriptionId: string;
  prescriber: PractitionerInfo;
  daysSupply: number;
  /** 0 for the original fill, then 1, 2, ... for refills. */
  fillNumber: number;
  refillsAuthorized: number;
}

/**
 * Adds the pharmacy claim for one fill, billed by NDC. The member pays the generic copay, twice
 * for a supply longer than 30 days, and never more than the allowed amount.
 */
export function recordPharmacyFill(chart: MemberChart, fill: PharmacyFill): void {
  const drug = medications[fill.medication];
  const scale = drug.course ? 1 : fill.daysSupply / 30;
  const dispensed: BillableService = {
    system: codeSystems.ndc,
    code: drug.ndc.code,
    display: drug.ndc.display,
    submitted: Math.round(drug.submitted * scale),
    allowed: Math.round(drug.allowed * scale),
  };
  const copay = chart.family.plan.copay.genericDrug * (fill.daysSupply > 30 ? 2 : 1);
  // The NDC price above is per fill, so the line is priced once and then carries the units dispensed.
  const line = {
    ...priceLine(chart.prng, dispensed, fill.day, { kind: "copay", cents: copay }),
    quantity: quantityPerFill(fill.medication, fill.daysSupply).value,
  };

  addClaim(chart, {
    kind: "pharmacy",
    billing: chart.directory.pharmacy,
    careTeam: [clinicianOnClaim(fill.prescriber, "prescribing")],
    startDay: fill.day,
    endDay: fill.day,
    encounterId: null,
    prescriptionId: fill.prescriptionId,
    diagnoses: [],
    placeOfService: null,
    institutional: null,
    pharmacy: { daysSupply: fill.daysSupply, fillNumber: fill.fillNumber, refillsAuthorized: fill.refillsAuthorized },
    lines: [line],
  });
}
