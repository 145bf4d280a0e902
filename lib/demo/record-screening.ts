import { addClaim, clinicianOnClaim } from "./add-claim";
import { buildEncounter } from "./build-encounter";
import { buildProcedure } from "./build-procedure";
import type { CareSite, PractitionerInfo } from "./build-provider-directory";
import type { ClaimLineDraft } from "./claim-draft";
import { placesOfService, priceLine } from "./claim-draft";
import type { Code } from "./clinical-catalog";
import { codeSystems } from "./code-systems";
import { toFhirDateTime } from "./demo-calendar";
import { institutionalCodes } from "./institutional-codes";
import type { MemberChart } from "./member-chart";
import { officeMinute } from "./member-chart";
import type { BillableService } from "./service-catalog";
import { encounterReasons, revenueCodes, services } from "./service-catalog";

const preventive = { kind: "none" } as const;

/** Records a screening mammogram at the hospital's imaging department, billed as preventive. */
export function recordMammogram(chart: MemberChart, day: number): void {
  const { directory, prng } = chart;
  const encounterId = recordScreeningVisit(chart, {
    day, site: directory.hospital, performer: directory.radiologist, service: services.screeningMammogram,
    procedure: "mammogram", reason: encounterReasons.screeningMammogram,
  });

  addClaim(chart, {
    kind: "outpatient",
    billing: directory.hospital,
    careTeam: [clinicianOnClaim(directory.radiologist, "rendering"), clinicianOnClaim(chart.doctor, "referring")],
    startDay: day,
    endDay: day,
    encounterId,
    prescriptionId: null,
    diagnoses: [encounterReasons.screeningMammogram],
    placeOfService: null,
    institutional: institutionalCodes.electiveOutpatient,
    pharmacy: null,
    lines: [priceLine(prng, services.screeningMammogram, day, preventive, { revenue: revenueCodes.screeningMammography })],
  });
}

/** Records a screening colonoscopy: the endoscopy center's facility claim and the gastroenterologist's claim. */
export function recordColonoscopy(chart: MemberChart, day: number): void {
  const { directory, prng } = chart;
  const encounterId = recordScreeningVisit(chart, {
    day, site: directory.endoscopy, performer: directory.gastroenterologist, service: services.colonoscopy,
    procedure: "colonoscopy", reason: encounterReasons.screeningColon,
  });
  const facilityLines: ClaimLineDraft[] = [
    priceLine(prng, services.colonoscopy, day, preventive, { revenue: revenueCodes.gastrointestinal }),
    priceLine(prng, services.colonoscopyAnesthesia, day, preventive, { revenue: revenueCodes.anesthesia }),
    priceLine(prng, services.recoveryRoom, day, preventive, { revenue: revenueCodes.recoveryRoom }),
  ];
  const common = {
    billing: directory.endoscopy,
    careTeam: [clinicianOnClaim(directory.gastroenterologist, "rendering")],
    startDay: day,
    endDay: day,
    encounterId,
    prescriptionId: null,
    diagnoses: [encounterReasons.screeningColon],
    pharmacy: null,
  };

  addClaim(chart, { ...common, kind: "outpatient", placeOfService: null, institutional: institutionalCodes.electiveOutpatient, lines: facilityLines });
  addClaim(chart, {
    ...common,
    kind: "professional",
    placeOfService: placesOfService.surgicalCenter,
    institutional: null,
    lines: [priceLine(prng, services.colonoscopy, day, preventive)],
  });
}

interface ScreeningVisit {
  day: number;
  site: CareSite;
  performer: PractitionerInfo;
  service: BillableService;
  procedure: "mammogram" | "colonoscopy";
  reason: Code;
}

function recordScreeningVisit(chart: MemberChart, visit: ScreeningVisit): string {
  const { member, prng } = chart;
  const minute = officeMinute(prng);
  const encounterId = chart.nextId("enc");

  chart.resources.push(
    buildEncounter({
      id: encounterId,
      patientId: member.patientId,
      encounterClass: "AMB",
      types: [{ system: codeSystems.cpt, code: visit.service.code, display: visit.service.display }],
      start: { day: visit.day, minute },
      end: { day: visit.day, minute: minute + prng.int(30, 90) },
      practitioner: visit.performer,
      site: visit.site,
      reason: { system: codeSystems.icd10cm, ...visit.reason },
      conditionIds: [],
    }),
    buildProcedure({
      id: chart.nextId("proc"),
      patientId: member.patientId,
      procedure: visit.procedure,
      performed: toFhirDateTime(visit.day, minute + 15),
      performerId: visit.performer.id,
      encounterId,
      locationId: visit.site.locationId,
      reason: visit.reason,
    }),
  );
  return encounterId;
}
