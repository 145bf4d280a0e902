import type { ProviderDirectory } from "./build-provider-directory";
import type { DemoClock } from "./create-demo-clock";
import type { DemoFamily, DemoMember } from "./demo-member";
import type { MemberChart } from "./member-chart";
import { createMemberChart } from "./member-chart";
import type { CareEvent } from "./plan-care-events";
import { planCareEvents } from "./plan-care-events";
import { recordAcuteVisit } from "./record-acute-visit";
import { recordChartHistory } from "./record-chart-history";
import { recordEmergencyVisit } from "./record-emergency-visit";
import { recordFollowUpVisit } from "./record-follow-up-visit";
import { recordImmunizations } from "./record-immunizations";
import { recordInpatientStay } from "./record-inpatient-stay";
import { recordPharmacyFill } from "./record-pharmacy-fill";
import { recordColonoscopy, recordMammogram } from "./record-screening";
import { recordWellnessVisit } from "./record-wellness-visit";

/**
 * Generates one member's clinical resources and claim drafts: chart history first, then every
 * planned care event in date order so lab and vital-sign trends evolve forward in time.
 */
export function recordMemberChart(
  member: DemoMember,
  family: DemoFamily,
  directory: ProviderDirectory,
  clock: DemoClock,
  seed: number,
): MemberChart {
  const chart = createMemberChart(member, family, directory, clock, seed);

  recordChartHistory(chart);
  recordImmunizations(chart);
  for (const event of planCareEvents(chart)) {
    recordCareEvent(chart, event);
  }
  return chart;
}

function recordCareEvent(chart: MemberChart, event: CareEvent): void {
  switch (event.kind) {
    case "wellness":
      return recordWellnessVisit(chart, event.day);
    case "follow-up":
      return recordFollowUpVisit(chart, event.day, event.drawA1c);
    case "acute":
      return recordAcuteVisit(chart, event.day, event.illness);
    case "emergency":
      return recordEmergencyVisit(chart, event.day);
    case "inpatient":
      return recordInpatientStay(chart, event.day, event.nights);
    case "mammogram":
      return recordMammogram(chart, event.day);
    case "colonoscopy":
      return recordColonoscopy(chart, event.day);
    case "refill":
      return recordRefill(chart, event);
  }
}

function recordRefill(chart: MemberChart, event: Extract<CareEvent, { kind: "refill" }>): void {
  const prescriptionId = chart.prescriptionIds.get(event.medication);
  if (!prescriptionId) {
    throw new Error(`Member ${chart.member.patientId} has a refill of ${event.medication} but no prescription for it.`);
  }
  recordPharmacyFill(chart, {
    day: event.day,
    medication: event.medication,
    prescriptionId,
    prescriber: chart.doctor,
    daysSupply: event.daysSupply,
    fillNumber: event.fillNumber,
    refillsAuthorized: Math.ceil((chart.clock.lastDay - chart.clock.historyStart) / event.daysSupply) + 2,
  });
}
