import { buildAllergyIntolerance } from "./build-allergy-intolerance";
import { buildCondition } from "./build-condition";
import { buildMedicationRequest } from "./build-medication-request";
import { buildProcedure } from "./build-procedure";
import type { MedicationKind } from "./clinical-catalog";
import { chronicConditions, maintenanceMedication } from "./clinical-catalog";
import { toFhirDateTime } from "./demo-calendar";
import type { MemberChart } from "./member-chart";
import { officeMinute } from "./member-chart";
import { encounterReasons } from "./service-catalog";

/** Days of supply per inhaler fill; maintenance tablets use the member's 30- or 90-day fills. */
export const INHALER_DAYS_SUPPLY = 25;

/**
 * Records what predates the claims history: chronic conditions, allergies, the maintenance
 * prescriptions that later refills point to, and screenings done before the history starts.
 */
export function recordChartHistory(chart: MemberChart): void {
  recordChronicConditions(chart);
  recordAllergies(chart);
  recordMaintenancePrescriptions(chart);
  recordEarlierScreenings(chart);
}

/** Returns the member's maintenance drugs, one per drug even when two conditions share it. */
export function maintenanceMedicationsOf(chart: MemberChart): MedicationKind[] {
  const drugs = chart.member.profile.chronic.map((condition) => maintenanceMedication[condition]);
  return [...new Set(drugs.filter((drug): drug is MedicationKind => drug !== null))];
}

function recordChronicConditions(chart: MemberChart): void {
  const { member, clock, prng } = chart;
  for (const condition of member.profile.chronic) {
    const earliest = Math.max(member.birthDay + 2 * 365, clock.historyStart - 12 * 365);
    const onsetDay = prng.int(Math.min(earliest, clock.historyStart - 60), clock.historyStart - 60);
    const onset = toFhirDateTime(onsetDay, officeMinute(prng));
    const id = chart.nextId("cond");

    chart.conditionIds.set(condition, id);
    chart.resources.push(
      buildCondition({
        id,
        patientId: member.patientId,
        codes: chronicConditions[condition],
        category: "problem-list-item",
        onset,
        recorded: onset,
        abatement: null,
        encounterId: null,
      }),
    );
  }
}

function recordAllergies(chart: MemberChart): void {
  const { member, clock, prng } = chart;
  for (const allergy of member.profile.allergies) {
    const latest = Math.min(clock.lastDay, Math.max(clock.historyStart, member.birthDay + 365));
    const recordedDay = prng.int(Math.min(latest, Math.max(member.birthDay + 365, clock.historyStart - 3_000)), latest);
    chart.resources.push(buildAllergyIntolerance(chart.nextId("alg"), member.patientId, allergy, toFhirDateTime(recordedDay, officeMinute(prng))));
  }
}

function recordMaintenancePrescriptions(chart: MemberChart): void {
  const { member, clock, prng } = chart;
  for (const medication of maintenanceMedicationsOf(chart)) {
    const daysSupply = medication === "albuterol" ? INHALER_DAYS_SUPPLY : member.profile.fillDays;
    const condition = member.profile.chronic.find((chronic) => maintenanceMedication[chronic] === medication);
    const id = chart.nextId("medrx");

    chart.prescriptionIds.set(medication, id);
    chart.resources.push(
      buildMedicationRequest({
        id,
        patientId: member.patientId,
        medication,
        status: "active",
        authoredOn: toFhirDateTime(clock.historyStart - prng.int(5, 40), officeMinute(prng)),
        requester: chart.doctor,
        reasonConditionId: condition ? chart.conditionIds.get(condition) ?? null : null,
        encounterId: null,
        daysSupply,
        refills: Math.ceil((clock.lastDay - clock.historyStart) / daysSupply) + 2,
      }),
    );
  }
}

/** Screenings older than the claims history exist only as Procedures, without an encounter or claim. */
function recordEarlierScreenings(chart: MemberChart): void {
  const { member, clock, directory, prng } = chart;
  const { mammogramDaysAgo, colonoscopyDaysAgo } = member.profile;

  if (mammogramDaysAgo !== null && clock.lastDay - mammogramDaysAgo < clock.historyStart) {
    chart.resources.push(
      buildProcedure({
        id: chart.nextId("proc"),
        patientId: member.patientId,
        procedure: "mammogram",
        performed: toFhirDateTime(clock.lastDay - mammogramDaysAgo, officeMinute(prng)),
        performerId: directory.radiologist.id,
        encounterId: null,
        locationId: directory.hospital.locationId,
        reason: encounterReasons.screeningMammogram,
      }),
    );
  }
  if (colonoscopyDaysAgo !== null && clock.lastDay - colonoscopyDaysAgo < clock.historyStart) {
    chart.resources.push(
      buildProcedure({
        id: chart.nextId("proc"),
        patientId: member.patientId,
        procedure: "colonoscopy",
        performed: toFhirDateTime(clock.lastDay - colonoscopyDaysAgo, officeMinute(prng)),
        performerId: directory.gastroenterologist.id,
        encounterId: null,
        locationId: directory.endoscopy.locationId,
        reason: encounterReasons.screeningColon,
      }),
    );
  }
}
