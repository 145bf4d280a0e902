import { addClaim, clinicianOnClaim } from "./add-claim";
import { advanceHealthTrend } from "./advance-health-trend";
import { buildCondition } from "./build-condition";
import { buildEncounter } from "./build-encounter";
import { buildMedicationRequest } from "./build-medication-request";
import type { PractitionerInfo } from "./build-provider-directory";
import type { ClaimLineDraft } from "./claim-draft";
import { placesOfService, priceLine } from "./claim-draft";
import type { AcuteIllness, DiagnosisCodes } from "./clinical-catalog";
import { acuteIllnesses, medications } from "./clinical-catalog";
import { codeSystems } from "./code-systems";
import { ageOnDay, toFhirDateTime } from "./demo-calendar";
import { DENIED_LINE_RATE } from "./record-follow-up-visit";
import type { MemberChart } from "./member-chart";
import { officeMinute } from "./member-chart";
import { recordPharmacyFill } from "./record-pharmacy-fill";
import { recordVitalSigns } from "./record-measurements";
import { services } from "./service-catalog";

/**
 * Records a sick visit: a resolved (or, if recent, still active) Condition, the visit claim with
 * any point-of-care test, and an antibiotic prescription with its pharmacy claim when the illness
 * calls for one.
 */
export function recordAcuteVisit(chart: MemberChart, day: number, illness: AcuteIllness): void {
  const { member, prng } = chart;
  const info = acuteIllnesses[illness];
  const minute = officeMinute(prng);
  const encounterId = chart.nextId("enc");
  const conditionId = recordAcuteCondition(chart, info, day, encounterId, info.resolvesAfterDays);

  chart.resources.push(
    buildEncounter({
      id: encounterId,
      patientId: member.patientId,
      encounterClass: "AMB",
      types: [
        { system: codeSystems.snomed, code: "185345009", display: "Encounter for symptom" },
        { system: codeSystems.cpt, code: services.officeVisitLow.code, display: services.officeVisitLow.display },
      ],
      start: { day, minute },
      end: { day, minute: minute + prng.int(15, 30) },
      practitioner: chart.doctor,
      site: chart.homeSite,
      reason: { system: codeSystems.snomed, ...info.snomed },
      conditionIds: [conditionId],
    }),
  );

  advanceHealthTrend(chart.trend, prng, member.profile.chronic);
  if (ageOnDay(member.birthDay, day) >= 18) recordVitalSigns(chart, { encounterId, day, minute }, false);

  addClaim(chart, {
    kind: "professional",
    billing: chart.homeSite,
    careTeam: [clinicianOnClaim(chart.doctor, "rendering")],
    startDay: day,
    endDay: day,
    encounterId,
    prescriptionId: null,
    diagnoses: [info.icd10],
    placeOfService: placesOfService.office,
    institutional: null,
    pharmacy: null,
    lines: acuteVisitLines(chart, illness, day),
  });

  if (info.antibiotic) {
    prescribeAntibiotic(chart, { day, minute, encounterId, conditionId, prescriber: chart.doctor });
  }
}

/** Records an encounter-diagnosis Condition that resolves after some days, unless that is after the last data day. */
export function recordAcuteCondition(chart: MemberChart, codes: DiagnosisCodes, day: number, encounterId: string, resolvesAfterDays: number): string {
  const { member, clock, prng } = chart;
  const id = chart.nextId("cond");
  const onsetDay = Math.max(member.birthDay, day - prng.int(0, 3));
  const abatementDay = day + resolvesAfterDays;

  chart.resources.push(
    buildCondition({
      id,
      patientId: member.patientId,
      codes,
      category: "encounter-diagnosis",
      onset: toFhirDateTime(onsetDay, 8 * 60),
      recorded: toFhirDateTime(day, 12 * 60),
      abatement: abatementDay <= clock.lastDay ? toFhirDateTime(abatementDay, 12 * 60) : null,
      encounterId,
    }),
  );
  return id;
}

/** Prescribes the course antibiotic, azithromycin instead of amoxicillin for penicillin allergy, and fills it that day. */
export function prescribeAntibiotic(
  chart: MemberChart,
  order: { day: number; minute: number; encounterId: string; conditionId: string; prescriber: PractitionerInfo },
): void {
  const medication = chart.member.profile.allergies.includes("penicillin") ? "azithromycin" : "amoxicillin";
  const course = medications[medication].course;
  const courseDays = course?.days ?? 10;
  const id = chart.nextId("medrx");

  chart.resources.push(
    buildMedicationRequest({
      id,
      patientId: chart.member.patientId,
      medication,
      status: order.day + courseDays < chart.clock.lastDay ? "completed" : "active",
      authoredOn: toFhirDateTime(order.day, order.minute + 10),
      requester: order.prescriber,
      reasonConditionId: order.conditionId,
      encounterId: order.encounterId,
      daysSupply: courseDays,
      refills: 0,
    }),
  );
  recordPharmacyFill(chart, {
    day: order.day,
    medication,
    prescriptionId: id,
    prescriber: order.prescriber,
    daysSupply: courseDays,
    fillNumber: 0,
    refillsAuthorized: 0,
  });
}

function acuteVisitLines(chart: MemberChart, illness: AcuteIllness, day: number): ClaimLineDraft[] {
  const { prng } = chart;
  const afterDeductible = { kind: "deductible-coinsurance" } as const;
  const lines: ClaimLineDraft[] = [priceLine(prng, services.officeVisitLow, day, { kind: "copay", cents: chart.family.plan.copay.primaryCare })];

  if (illness === "strep-throat") lines.push(priceLine(prng, services.rapidStrepTest, day, afterDeductible));
  if (illness === "uti") lines.push(priceLine(prng, services.urinalysis, day, afterDeductible));
  if (illness === "ankle-sprain") {
    lines.push(priceLine(prng, services.ankleXray, day, afterDeductible));
    if (prng.chance(0.4)) lines.push(priceLine(prng, services.walkingBoot, day, afterDeductible));
  }
  if (prng.chance(DENIED_LINE_RATE)) {
    lines.push(priceLine(prng, services.nonCoveredItem, day, { kind: "none" }, { denied: true }));
  }
  return lines;
}
