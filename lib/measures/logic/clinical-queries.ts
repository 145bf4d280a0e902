import type { CodeableConcept, Condition, DeviceRequest, Encounter, Immunization, MedicationRequest, Observation, Procedure, ServiceRequest } from "fhir/r4";

import { instantInterval, latestInstant, parseFhirInstant, parseFhirInstantEnd, periodInterval, withinDays, type ClinicalInterval } from "./clinical-interval";
import { isRefutedCondition, type PatientRecord } from "./patient-record";
import { conceptHasCode, conceptInValueSets, type ValueSet } from "./value-set";

/** A resource the measure logic selected, with the interval its timing criteria compare. */
export interface Timed<T> {
  resource: T;
  interval: ClinicalInterval | null;
}

// QI-Core status rules, as the CMS "Status" library (version 1.8) applies them before any timing.
const performedEncounterStatuses = new Set(["finished", "arrived", "triaged", "in-progress", "onleave"]);
const finalObservationStatuses = new Set(["final", "amended", "corrected"]);
const symptomStatuses = new Set(["preliminary", "final", "amended", "corrected"]);
const orderStatuses = new Set(["active", "completed"]);
const activeClinicalStatuses = new Set(["active", "recurrence", "relapse"]);
const observationCategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";

/** Performed encounters (finished, arrived, triaged, in progress or on leave) whose type is in a value set. */
export function performedEncounters(record: PatientRecord, valueSets: readonly ValueSet[]): Timed<Encounter>[] {
  return record
    .list("Encounter")
    .filter((encounter) => performedEncounterStatuses.has(encounter.status) && (encounter.type ?? []).some((type) => conceptInValueSets(type, valueSets)))
    .map((encounter) => ({ resource: encounter, interval: periodInterval(encounter.period) }));
}

/** Conditions coded in a value set, not refuted, with their prevalence interval. */
export function conditionsIn(record: PatientRecord, valueSets: readonly ValueSet[]): Timed<Condition>[] {
  return record
    .list("Condition")
    .filter((condition) => !isRefutedCondition(condition) && conceptInValueSets(condition.code, valueSets))
    .map((condition) => ({ resource: condition, interval: prevalenceInterval(condition) }));
}

/**
 * Returns the prevalence interval of QI-Core Common 2.1: from onset to the end of abatement. An active
 * (or recurring, relapsed) condition without abatement lasts on; an inactive one without an
 * abatement date has an unknown end. So it can start before a date but never overlaps a period.
 */
export function prevalenceInterval(condition: Condition): ClinicalInterval {
  const start = parseFhirInstant(condition.onsetDateTime ?? condition.onsetPeriod?.start);
  const end = parseFhirInstantEnd(condition.abatementDateTime ?? condition.abatementPeriod?.end);
  const clinicalStatus = condition.clinicalStatus?.coding?.find((coding) => coding.code)?.code;
  if (clinicalStatus !== undefined && activeClinicalStatuses.has(clinicalStatus)) return { start, end };
  return end === null ? { start, end: null, endUnknown: true } : { start, end };
}

/** The rule an Observation must meet to count: a lab test, exam or assessment (by category), or any final result. */
export type ObservationKind = "laboratory" | "exam" | "survey" | "diagnostic-study" | "symptom";

/** Observations coded in a value set that pass the status (and category) rule of their kind. */
export function observationsIn(record: PatientRecord, valueSets: readonly ValueSet[], kind: ObservationKind): Timed<Observation>[] {
  return record
    .list("Observation")
    .filter((observation) => conceptInValueSets(observation.code, valueSets) && observationPasses(observation, kind))
    .map((observation) => ({ resource: observation, interval: observationInterval(observation) }));
}

/** Observations with an exact code (such as LOINC 45755-6) that pass the rule of their kind. */
export function observationsWithCode(record: PatientRecord, system: string, code: string, kind: ObservationKind): Timed<Observation>[] {
  return record
    .list("Observation")
    .filter((observation) => conceptHasCode(observation.code, system, code) && observationPasses(observation, kind))
    .map((observation) => ({ resource: observation, interval: observationInterval(observation) }));
}

/** Completed procedures coded in a value set, with their performed interval. */
export function completedProceduresIn(record: PatientRecord, valueSets: readonly ValueSet[]): Timed<Procedure>[] {
  return record
    .list("Procedure")
    .filter((procedure) => procedure.status === "completed" && conceptInValueSets(procedure.code, valueSets))
    .map((procedure) => ({ resource: procedure, interval: procedure.performedPeriod ? periodInterval(procedure.performedPeriod) : instantInterval(procedure.performedDateTime) }));
}

/** Active or completed orders (intent order) coded in a value set, timed by authoredOn. */
export function serviceOrdersIn(record: PatientRecord, valueSets: readonly ValueSet[]): Timed<ServiceRequest>[] {
  return record
    .list("ServiceRequest")
    .filter((request) => orderStatuses.has(request.status) && request.intent === "order" && request.doNotPerform !== true && conceptInValueSets(request.code, valueSets))
    .map((request) => ({ resource: request, interval: instantInterval(request.authoredOn) }));
}

/** Active or completed device orders (intent order, not do-not-perform) coded in a value set. */
export function deviceOrdersIn(record: PatientRecord, valueSets: readonly ValueSet[]): Timed<DeviceRequest>[] {
  return record
    .list("DeviceRequest")
    .filter((request) => orderStatuses.has(request.status ?? "") && request.intent === "order" && !hasDoNotPerform(request) && conceptInValueSets(request.codeCodeableConcept, valueSets))
    .map((request) => ({ resource: request, interval: instantInterval(request.authoredOn) }));
}

/**
 * Active medication orders whose medication is in a value set. The interval runs from the
 * dosage's bounds or the dispense validity period, else from authoredOn with no known end.
 */
export function activeMedicationOrdersIn(record: PatientRecord, valueSets: readonly ValueSet[]): Timed<MedicationRequest>[] {
  return record
    .list("MedicationRequest")
    .filter((request) => request.status === "active" && request.intent === "order" && conceptInValueSets(medicationConcept(request), valueSets))
    .map((request) => ({ resource: request, interval: medicationRequestInterval(request) }));
}

/** Completed immunizations whose vaccine code is in a value set, timed by occurrenceDateTime. */
export function completedImmunizationsIn(record: PatientRecord, valueSets: readonly ValueSet[]): Timed<Immunization>[] {
  return record
    .list("Immunization")
    .filter((immunization) => immunization.status === "completed" && conceptInValueSets(immunization.vaccineCode, valueSets))
    .map((immunization) => ({ resource: immunization, interval: instantInterval(immunization.occurrenceDateTime) }));
}

/** True when the Observation carries a result of any type (CQL "value is not null"). */
export function hasObservationValue(observation: Observation): boolean {
  return Object.keys(observation).some((key) => key.startsWith("value"));
}

/** Returns every result whose latest time falls within [from, to] at day precision. */
export function latestWithinDays<T>(timed: readonly Timed<T>[], from: number, to: number): Timed<T>[] {
  return timed.filter(({ interval }) => {
    const latest = latestInstant(interval);
    return latest !== null && withinDays({ start: latest, end: latest }, from, to);
  });
}

function observationPasses(observation: Observation, kind: ObservationKind): boolean {
  const statuses = kind === "symptom" ? symptomStatuses : finalObservationStatuses;
  if (!statuses.has(observation.status)) return false;
  if (kind !== "laboratory" && kind !== "exam" && kind !== "survey") return true;
  return (observation.category ?? []).some((category) => conceptHasCode(category, observationCategorySystem, kind));
}

/** Returns the effective time of an Observation as an interval. */
export function observationInterval(observation: Observation): ClinicalInterval | null {
  if (observation.effectivePeriod) return periodInterval(observation.effectivePeriod);
  return instantInterval(observation.effectiveDateTime ?? observation.effectiveInstant);
}

/**
 * Returns the coded medication of an order. A medicationReference is not followed, because the
 * published CQL's `[MedicationRequest: medication in ...]` retrieve tests only a coded
 * medication, and Lakeview's measures agree with the published bundles.
 */
function medicationConcept(request: MedicationRequest): CodeableConcept | undefined {
  return request.medicationCodeableConcept;
}

/**
 * Returns the period a medication order covers, after the CMS CumulativeMedicationDuration
 * library: the dosage bounds when given, else from authoredOn for the expected supply duration
 * times the fills (1 + refills), else the day it was authored.
 */
function medicationRequestInterval(request: MedicationRequest): ClinicalInterval | null {
  const bounds = request.dosageInstruction?.find((dosage) => dosage.timing?.repeat?.boundsPeriod)?.timing?.repeat?.boundsPeriod;
  if (bounds) return periodInterval(bounds);

  const start = parseFhirInstant(request.authoredOn);
  if (start === null) return null;
  const supplyDays = supplyDurationDays(request);
  if (supplyDays === null) return instantInterval(request.authoredOn);
  const fills = 1 + (request.dispenseRequest?.numberOfRepeatsAllowed ?? 0);
  return { start, end: start + (supplyDays * fills - 1) * 86_400_000 };
}

function supplyDurationDays(request: MedicationRequest): number | null {
  const duration = request.dispenseRequest?.expectedSupplyDuration;
  if (duration?.value === undefined) return null;
  const unit = duration.code ?? duration.unit;
  if (unit === "d" || unit === "day" || unit === "days") return duration.value;
  if (unit === "wk" || unit === "week" || unit === "weeks") return duration.value * 7;
  return null;
}

function hasDoNotPerform(request: DeviceRequest): boolean {
  return (request.modifierExtension ?? []).some((extension) => extension.url.endsWith("/qicore-doNotPerform") && extension.valueBoolean === true);
}
