import { addClaim, clinicianOnClaim } from "./add-claim";
import { buildEncounter } from "./build-encounter";
import type { ClaimLineDraft, CostShare } from "./claim-draft";
import { placesOfService, priceLine } from "./claim-draft";
import type { DiagnosisCodes } from "./clinical-catalog";
import { acuteIllnesses, asthmaExacerbation, chestPain } from "./clinical-catalog";
import { codeSystems } from "./code-systems";
import { ageOnDay } from "./demo-calendar";
import { institutionalCodes } from "./institutional-codes";
import type { MemberChart } from "./member-chart";
import { recordAcuteCondition } from "./record-acute-visit";
import { revenueCodes, services } from "./service-catalog";

type EmergencyReason = "asthma" | "chest-pain" | "ankle-sprain";

/**
 * Records an emergency department visit: the hospital's outpatient institutional claim (the ER copay
 * on the visit line, deductible and coinsurance on the rest) and the ER physician's professional claim.
 */
export function recordEmergencyVisit(chart: MemberChart, day: number): void {
  const { member, prng, directory } = chart;
  const reason: EmergencyReason = member.profile.chronic.includes("asthma")
    ? "asthma"
    : ageOnDay(member.birthDay, day) >= 35 ? "chest-pain" : "ankle-sprain";
  const codes = diagnosisFor(reason);
  const arrival = prng.int(6 * 60, 19 * 60);
  const encounterId = chart.nextId("enc");
  const asthmaConditionId = chart.conditionIds.get("asthma");
  const conditionId = reason === "asthma" && asthmaConditionId
    ? asthmaConditionId
    : recordAcuteCondition(chart, codes, day, encounterId, reason === "chest-pain" ? 1 : 28);

  chart.resources.push(
    buildEncounter({
      id: encounterId,
      patientId: member.patientId,
      encounterClass: "EMER",
      types: [
        { system: codeSystems.snomed, code: "50849002", display: "Emergency room admission" },
        { system: codeSystems.cpt, code: services.emergencyVisitModerate.code, display: services.emergencyVisitModerate.display },
      ],
      start: { day, minute: arrival },
      end: { day, minute: arrival + prng.int(120, 280) },
      practitioner: directory.emergencyPhysician,
      site: directory.hospital,
      reason: { system: codeSystems.snomed, ...codes.snomed },
      conditionIds: [conditionId],
    }),
  );

  const common = {
    billing: directory.hospital,
    startDay: day,
    endDay: day,
    encounterId,
    prescriptionId: null,
    diagnoses: [codes.icd10],
    pharmacy: null,
  };
  addClaim(chart, {
    ...common,
    kind: "outpatient",
    careTeam: [clinicianOnClaim(directory.emergencyPhysician, "attending")],
    placeOfService: null,
    institutional: institutionalCodes.emergencyOutpatient,
    lines: facilityLines(chart, reason, day),
  });
  addClaim(chart, {
    ...common,
    careTeam: [clinicianOnClaim(directory.emergencyPhysician, "rendering")],
    kind: "professional",
    placeOfService: placesOfService.emergencyRoom,
    institutional: null,
    lines: [priceLine(prng, services.emergencyVisitModerate, day, { kind: "deductible-coinsurance" })],
  });
}

function diagnosisFor(reason: EmergencyReason): DiagnosisCodes {
  switch (reason) {
    case "asthma":
      return asthmaExacerbation;
    case "chest-pain":
      return chestPain;
    case "ankle-sprain":
      return acuteIllnesses["ankle-sprain"];
  }
}

function facilityLines(chart: MemberChart, reason: EmergencyReason, day: number): ClaimLineDraft[] {
  const { prng } = chart;
  const afterDeductible: CostShare = { kind: "deductible-coinsurance" };
  const lines: ClaimLineDraft[] = [
    priceLine(prng, services.emergencyVisitModerate, day, { kind: "copay", cents: chart.family.plan.copay.emergency }, { revenue: revenueCodes.emergencyRoom }),
  ];

  switch (reason) {
    case "asthma":
      lines.push(
        priceLine(prng, services.nebulizerTreatment, day, afterDeductible, { revenue: revenueCodes.respiratory, quantity: 2 }),
        priceLine(prng, services.dexamethasoneInjection, day, afterDeductible, { revenue: revenueCodes.drugsDetailedCoding, quantity: 10 }),
      );
      break;
    case "chest-pain":
      lines.push(
        priceLine(prng, services.electrocardiogram, day, afterDeductible, { revenue: revenueCodes.electrocardiogram }),
        priceLine(prng, services.chestXray, day, afterDeductible, { revenue: revenueCodes.chestXray }),
        priceLine(prng, services.metabolicPanel, day, afterDeductible, { revenue: revenueCodes.laboratory }),
        priceLine(prng, services.bloodCount, day, afterDeductible, { revenue: revenueCodes.laboratory }),
      );
      break;
    case "ankle-sprain":
      lines.push(priceLine(prng, services.ankleXray, day, afterDeductible, { revenue: revenueCodes.radiology }));
      break;
  }
  return lines;
}
