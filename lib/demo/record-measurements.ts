import { buildLabObservation } from "./build-lab-observation";
import { buildProcedure } from "./build-procedure";
import { buildBloodPressure, buildBodyMassIndex } from "./build-vital-sign-observation";
import type { CareSite } from "./build-provider-directory";
import { toFhirDateTime } from "./demo-calendar";
import type { MemberChart } from "./member-chart";
import { issuedNextMorning } from "./member-chart";

/** When and where a measurement is taken. */
export interface MeasurementContext {
  encounterId: string;
  day: number;
  minute: number;
}

/** Records an adult's blood pressure and, when asked, BMI from the chart's current trend. */
export function recordVitalSigns(chart: MemberChart, at: MeasurementContext, withBodyMassIndex: boolean): void {
  const context = {
    id: chart.nextId("obs"),
    patientId: chart.member.patientId,
    encounterId: at.encounterId,
    effective: toFhirDateTime(at.day, at.minute + 5),
    practitionerId: chart.doctor.id,
  };
  chart.resources.push(buildBloodPressure(context, chart.trend.systolic, chart.trend.diastolic));
  if (withBodyMassIndex) {
    chart.resources.push(buildBodyMassIndex({ ...context, id: chart.nextId("obs") }, chart.trend.bmi));
  }
}

/** Records an HbA1c result and the test as a Procedure, both from the chart's current trend. */
export function recordA1cTest(chart: MemberChart, at: MeasurementContext, performer: CareSite): void {
  const collected = toFhirDateTime(at.day, at.minute + 15);
  chart.resources.push(
    buildLabObservation({
      id: chart.nextId("obs"),
      patientId: chart.member.patientId,
      test: "a1c",
      value: chart.trend.a1c,
      effective: collected,
      issued: issuedNextMorning(at.day),
      encounterId: at.encounterId,
      performerOrganizationId: performer.organizationId,
    }),
    buildProcedure({
      id: chart.nextId("proc"),
      patientId: chart.member.patientId,
      procedure: "a1cTest",
      performed: collected,
      performerId: chart.doctor.id,
      encounterId: at.encounterId,
      locationId: performer.locationId,
      reason: null,
    }),
  );
}

/** Records an LDL cholesterol result from a lipid panel. */
export function recordLdlTest(chart: MemberChart, at: MeasurementContext, performer: CareSite): void {
  chart.resources.push(
    buildLabObservation({
      id: chart.nextId("obs"),
      patientId: chart.member.patientId,
      test: "ldl",
      value: chart.trend.ldl,
      effective: toFhirDateTime(at.day, at.minute + 15),
      issued: issuedNextMorning(at.day),
      encounterId: at.encounterId,
      performerOrganizationId: performer.organizationId,
    }),
  );
}
