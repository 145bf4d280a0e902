import { addClaim, clinicianOnClaim, organizationOnClaim } from "./add-claim";
import { advanceHealthTrend } from "./advance-health-trend";
import { buildEncounter } from "./build-encounter";
import type { ClaimLineDraft } from "./claim-draft";
import { placesOfService, priceLine } from "./claim-draft";
import { chronicConditions } from "./clinical-catalog";
import { codeSystems } from "./code-systems";
import { ageOnDay } from "./demo-calendar";
import type { MemberChart } from "./member-chart";
import { officeMinute } from "./member-chart";
import type { MeasurementContext } from "./record-measurements";
import { recordA1cTest, recordLdlTest, recordVitalSigns } from "./record-measurements";
import { services } from "./service-catalog";

/** Share of office claims that carry one denied, non-covered line, so some EOBs are partial. */
export const DENIED_LINE_RATE = 0.05;

/**
 * Records a chronic-care follow-up. Diabetics get a point-of-care HbA1c billed on the visit claim;
 * members with hyperlipidemia sometimes get a lipid panel at the reference lab.
 */
export function recordFollowUpVisit(chart: MemberChart, day: number, drawA1c: boolean): void {
  const { member, prng } = chart;
  const chronic = member.profile.chronic;
  const minute = officeMinute(prng);
  const encounterId = chart.nextId("enc");
  const visitCode = chronic.includes("diabetes") || chronic.length > 1 ? services.officeVisitModerate : services.officeVisitLow;
  const principal = chronicConditions[chronic[0] ?? "hypertension"];

  chart.resources.push(
    buildEncounter({
      id: encounterId,
      patientId: member.patientId,
      encounterClass: "AMB",
      types: [
        { system: codeSystems.snomed, code: "390906007", display: "Follow-up encounter" },
        { system: codeSystems.cpt, code: visitCode.code, display: visitCode.display },
      ],
      start: { day, minute },
      end: { day, minute: minute + prng.int(20, 40) },
      practitioner: chart.doctor,
      site: chart.homeSite,
      reason: { system: codeSystems.snomed, ...principal.snomed },
      conditionIds: chronic.flatMap((condition) => chart.conditionIds.get(condition) ?? []),
    }),
  );

  advanceHealthTrend(chart.trend, prng, chronic);
  const at: MeasurementContext = { encounterId, day, minute };
  if (ageOnDay(member.birthDay, day) >= 18) recordVitalSigns(chart, at, prng.chance(0.5));

  const lines: ClaimLineDraft[] = [priceLine(prng, visitCode, day, { kind: "copay", cents: chart.family.plan.copay.primaryCare })];
  if (drawA1c) {
    lines.push(priceLine(prng, services.hemoglobinA1c, day, { kind: "deductible-coinsurance" }));
    recordA1cTest(chart, at, chart.homeSite);
  }
  if (prng.chance(DENIED_LINE_RATE)) {
    lines.push(priceLine(prng, services.nonCoveredItem, day, { kind: "none" }, { denied: true }));
  }

  const diagnoses = chronic.map((condition) => chronicConditions[condition].icd10);
  addClaim(chart, {
    kind: "professional",
    billing: chart.homeSite,
    careTeam: [clinicianOnClaim(chart.doctor, "rendering")],
    startDay: day,
    endDay: day,
    encounterId,
    prescriptionId: null,
    diagnoses,
    placeOfService: placesOfService.office,
    institutional: null,
    pharmacy: null,
    lines,
  });

  if (chronic.includes("hyperlipidemia") && prng.chance(0.35)) {
    const lab = chart.directory.laboratory;
    recordLdlTest(chart, at, lab);
    addClaim(chart, {
      kind: "professional",
      billing: lab,
      careTeam: [organizationOnClaim(lab, "rendering"), clinicianOnClaim(chart.doctor, "referring")],
      startDay: day,
      endDay: day,
      encounterId,
      prescriptionId: null,
      diagnoses,
      placeOfService: placesOfService.independentLab,
      institutional: null,
      pharmacy: null,
      lines: [
        priceLine(prng, services.venipuncture, day, { kind: "deductible-coinsurance" }),
        priceLine(prng, services.lipidPanel, day, { kind: "deductible-coinsurance" }),
      ],
    });
  }
}
