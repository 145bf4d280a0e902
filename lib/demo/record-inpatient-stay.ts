import { addClaim, clinicianOnClaim } from "./add-claim";
import { buildEncounter } from "./build-encounter";
import type { CostShare } from "./claim-draft";
import { placesOfService, priceLine } from "./claim-draft";
import { chronicConditions, pneumonia } from "./clinical-catalog";
import { codeSystems } from "./code-systems";
import { institutionalCodes } from "./institutional-codes";
import type { MemberChart } from "./member-chart";
import { prescribeAntibiotic, recordAcuteCondition } from "./record-acute-visit";
import { revenueCodes, services } from "./service-catalog";

/**
 * Records a pneumonia admission through the emergency department: the hospital's inpatient claim
 * (revenue-coded lines, all under deductible and coinsurance), the hospitalist's daily professional
 * claim, and an antibiotic filled at discharge.
 */
export function recordInpatientStay(chart: MemberChart, day: number, nights: number): void {
  const { member, prng, directory } = chart;
  const dischargeDay = day + nights;
  const encounterId = chart.nextId("enc");
  const conditionId = recordAcuteCondition(chart, pneumonia, day, encounterId, nights + 21);
  const admittedMinute = prng.int(9 * 60, 22 * 60);

  chart.resources.push(
    buildEncounter({
      id: encounterId,
      patientId: member.patientId,
      encounterClass: "IMP",
      types: [
        { system: codeSystems.snomed, code: "32485007", display: "Hospital admission" },
        { system: codeSystems.cpt, code: services.hospitalAdmission.code, display: services.hospitalAdmission.display },
      ],
      start: { day, minute: admittedMinute },
      end: { day: dischargeDay, minute: prng.int(10 * 60, 15 * 60) },
      practitioner: directory.hospitalist,
      site: directory.hospital,
      reason: { system: codeSystems.snomed, ...pneumonia.snomed },
      conditionIds: [conditionId],
    }),
  );

  const afterDeductible: CostShare = { kind: "deductible-coinsurance" };
  const diagnoses = [pneumonia.icd10, ...member.profile.chronic.map((condition) => chronicConditions[condition].icd10)];
  const stay = { billing: directory.hospital, startDay: day, endDay: dischargeDay, encounterId, prescriptionId: null, diagnoses, pharmacy: null };

  addClaim(chart, {
    ...stay,
    kind: "inpatient",
    careTeam: [clinicianOnClaim(directory.hospitalist, "attending")],
    placeOfService: null,
    institutional: institutionalCodes.emergencyInpatient,
    lines: [
      priceLine(prng, services.emergencyVisitHigh, day, afterDeductible, { revenue: revenueCodes.emergencyRoom }),
      priceLine(prng, services.roomAndBoard, day, afterDeductible, { revenue: revenueCodes.roomAndBoard, quantity: nights }),
      priceLine(prng, services.hospitalPharmacy, day, afterDeductible, { revenue: revenueCodes.pharmacy }),
      priceLine(prng, services.bloodCount, day, afterDeductible, { revenue: revenueCodes.laboratory, quantity: 2 }),
      priceLine(prng, services.metabolicPanel, day, afterDeductible, { revenue: revenueCodes.laboratory, quantity: 2 }),
      priceLine(prng, services.chestXray, day, afterDeductible, { revenue: revenueCodes.chestXray }),
      priceLine(prng, services.nebulizerTreatment, day + 1, afterDeductible, { revenue: revenueCodes.respiratory, quantity: nights }),
    ],
  });

  addClaim(chart, {
    ...stay,
    kind: "professional",
    careTeam: [clinicianOnClaim(directory.hospitalist, "rendering")],
    placeOfService: placesOfService.inpatientHospital,
    institutional: null,
    lines: [
      priceLine(prng, services.hospitalAdmission, day, afterDeductible),
      ...Array.from({ length: nights - 1 }, (_, night) => priceLine(prng, services.hospitalDaily, day + night + 1, afterDeductible)),
      priceLine(prng, services.hospitalDischarge, dischargeDay, afterDeductible),
    ],
  });

  prescribeAntibiotic(chart, { day: dischargeDay, minute: 11 * 60, encounterId, conditionId, prescriber: directory.hospitalist });
}
