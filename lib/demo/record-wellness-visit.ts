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
import { mayDrawA1c } from "./plan-care-events";
import type { MeasurementContext } from "./record-measurements";
import { recordA1cTest, recordLdlTest, recordVitalSigns } from "./record-measurements";
import { encounterReasons, preventiveVisitFor, services } from "./service-catalog";

/**
 * Records an annual preventive visit, billed with no cost share. Adults get vital signs. Adults 40
 * and over, and adults with diabetes or hyperlipidemia, also get labs at the reference lab, which
 * bills them on its own claim.
 */
export function recordWellnessVisit(chart: MemberChart, day: number): void {
  const { member, prng } = chart;
  const age = ageOnDay(member.birthDay, day);
  const adult = age >= 18;
  const minute = officeMinute(prng);
  const encounterId = chart.nextId("enc");
  const reason = adult ? encounterReasons.adultExam : encounterReasons.childExam;
  const visitCode = preventiveVisitFor(age);

  chart.resources.push(
    buildEncounter({
      id: encounterId,
      patientId: member.patientId,
      encounterClass: "AMB",
      types: [
        adult
          ? { system: codeSystems.snomed, code: "185349003", display: "Encounter for check up" }
          : { system: codeSystems.snomed, code: "410620009", display: "Well child visit" },
        { system: codeSystems.cpt, code: visitCode.code, display: visitCode.display },
      ],
      start: { day, minute },
      end: { day, minute: minute + prng.int(25, 45) },
      practitioner: chart.doctor,
      site: chart.homeSite,
      reason: { system: codeSystems.icd10cm, ...reason },
      conditionIds: [],
    }),
  );

  advanceHealthTrend(chart.trend, prng, member.profile.chronic);
  const at: MeasurementContext = { encounterId, day, minute };
  if (adult) recordVitalSigns(chart, at, true);

  addClaim(chart, {
    kind: "professional",
    billing: chart.homeSite,
    careTeam: [clinicianOnClaim(chart.doctor, "rendering")],
    startDay: day,
    endDay: day,
    encounterId,
    prescriptionId: null,
    diagnoses: [reason],
    placeOfService: placesOfService.office,
    institutional: null,
    pharmacy: null,
    lines: [priceLine(prng, visitCode, day, { kind: "none" })],
  });

  const chronic = member.profile.chronic;
  if (adult && (age >= 40 || chronic.includes("diabetes") || chronic.includes("hyperlipidemia"))) {
    recordScreeningLabs(chart, at, reason);
  }
}

function recordScreeningLabs(chart: MemberChart, at: MeasurementContext, reason: { code: string; display: string }): void {
  const { member, prng, directory } = chart;
  const lab = directory.laboratory;
  const diabetic = member.profile.chronic.includes("diabetes");
  const lines: ClaimLineDraft[] = [
    priceLine(prng, services.venipuncture, at.day, { kind: "none" }),
    priceLine(prng, services.lipidPanel, at.day, { kind: "none" }),
    priceLine(prng, services.metabolicPanel, at.day, { kind: "none" }),
  ];
  recordLdlTest(chart, at, lab);

  // A diabetic's HbA1c monitors a known disease, so it is not preventive and the deductible applies.
  if (diabetic ? mayDrawA1c(chart, at.day) : ageOnDay(member.birthDay, at.day) >= 45 && prng.chance(0.3)) {
    lines.push(priceLine(prng, services.hemoglobinA1c, at.day, diabetic ? { kind: "deductible-coinsurance" } : { kind: "none" }));
    recordA1cTest(chart, at, lab);
  }

  addClaim(chart, {
    kind: "professional",
    billing: lab,
    careTeam: [organizationOnClaim(lab, "rendering"), clinicianOnClaim(chart.doctor, "referring")],
    startDay: at.day,
    endDay: at.day,
    encounterId: at.encounterId,
    prescriptionId: null,
    diagnoses: [reason, ...member.profile.chronic.map((condition) => chronicConditions[condition].icd10)],
    placeOfService: placesOfService.independentLab,
    institutional: null,
    pharmacy: null,
    lines,
  });
}
