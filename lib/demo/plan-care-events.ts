import type { AcuteIllness, MedicationKind } from "./clinical-catalog";
import { planYearBounds } from "./create-demo-clock";
import { ageOnDay } from "./demo-calendar";
import type { MemberChart } from "./member-chart";
import { INHALER_DAYS_SUPPLY, maintenanceMedicationsOf } from "./record-chart-history";

/** One visit, stay, screening or pharmacy fill in the claims history. */
export type CareEvent =
  | { kind: "wellness"; day: number }
  | { kind: "follow-up"; day: number; drawA1c: boolean }
  | { kind: "acute"; day: number; illness: AcuteIllness }
  | { kind: "emergency"; day: number }
  | { kind: "inpatient"; day: number; nights: number }
  | { kind: "mammogram"; day: number }
  | { kind: "colonoscopy"; day: number }
  | { kind: "refill"; day: number; medication: MedicationKind; daysSupply: number; fillNumber: number };

/** Members with fewer visits and stays get extra sick visits; each of those adds at least one claim. */
const MIN_EVENTS = 4;

/** A diabetic with an HbA1c gap stopped coming to follow-ups this many days before the last data day. */
const LAPSED_FOLLOW_UP_DAYS = 400;

/**
 * Plans a member's care from the start of the claims history to the clock's last day, in date
 * order. The profile decides which kinds of care happen; the chart's random stream decides when.
 */
export function planCareEvents(chart: MemberChart): CareEvent[] {
  const events: CareEvent[] = [
    ...planWellnessVisits(chart),
    ...planFollowUps(chart),
    ...planAcuteVisits(chart),
    ...planHospitalCare(chart),
    ...planScreenings(chart),
  ];
  while (events.length < MIN_EVENTS) {
    events.push(acuteVisit(chart));
  }
  events.push(...planRefills(chart));

  return events.sort((a, b) => a.day - b.day);
}

/** Returns whether an HbA1c drawn on a day would hide the member's intended HbA1c gap. */
export function mayDrawA1c(chart: MemberChart, day: number): boolean {
  return chart.member.profile.a1cCurrent || day < chart.clock.lastDay - 365;
}

function planWellnessVisits(chart: MemberChart): CareEvent[] {
  const { clock, member, prng } = chart;
  const rate = ageOnDay(member.birthDay, clock.lastDay) < 18 ? 0.85 : 0.65;
  const events: CareEvent[] = [];

  for (const year of clock.planYears) {
    const bounds = planYearBounds(year);
    const first = Math.max(bounds.start, clock.historyStart, member.birthDay + 30);
    const last = Math.min(bounds.end, clock.lastDay);
    if (last - first >= 30 && prng.chance(rate)) {
      events.push({ kind: "wellness", day: prng.int(first, last) });
    }
  }
  return events;
}

function planFollowUps(chart: MemberChart): CareEvent[] {
  const { clock, member, prng } = chart;
  const chronic = member.profile.chronic.filter((condition) => condition !== "obesity");
  if (chronic.length === 0) return [];

  const diabetic = chronic.includes("diabetes");
  const interval = (): number => (diabetic ? prng.int(85, 115) : prng.int(150, 200));
  const lastDay = diabetic && !member.profile.a1cCurrent ? clock.lastDay - LAPSED_FOLLOW_UP_DAYS : clock.lastDay;
  const events: CareEvent[] = [];

  for (let day = clock.historyStart + prng.int(0, 60); day <= lastDay; day += interval()) {
    events.push({ kind: "follow-up", day, drawA1c: diabetic && mayDrawA1c(chart, day) });
  }
  return events;
}

function planAcuteVisits(chart: MemberChart): CareEvent[] {
  const { clock, member, prng } = chart;
  const count = prng.int(0, 2) + (ageOnDay(member.birthDay, clock.lastDay) < 12 ? 1 : 0);
  return Array.from({ length: count }, () => acuteVisit(chart));
}

/**
 * Returns the first day a member can have sick visits or hospital care: the history start, or the
 * 60th day of life for younger members. Members are at least 90 days old, so it is never after lastDay.
 */
function firstCareDay(chart: MemberChart): number {
  return Math.max(chart.clock.historyStart, chart.member.birthDay + 60);
}

function acuteVisit(chart: MemberChart): CareEvent {
  const { clock, member, prng } = chart;
  const day = prng.int(firstCareDay(chart), clock.lastDay);
  const age = ageOnDay(member.birthDay, day);
  const illnesses: AcuteIllness[] = ["strep-throat", "bronchitis", "sinusitis"];
  if (age >= 8) illnesses.push("ankle-sprain");
  if (age >= 12 && member.gender === "female") illnesses.push("uti");
  return { kind: "acute", day, illness: prng.pick(illnesses) };
}

function planHospitalCare(chart: MemberChart): CareEvent[] {
  const { clock, member, prng } = chart;
  const first = firstCareDay(chart);
  const events: CareEvent[] = [];

  if (member.profile.emergencyVisit) {
    events.push({ kind: "emergency", day: prng.int(first, clock.lastDay) });
  }
  if (member.profile.inpatientStay) {
    const nights = prng.int(2, 4);
    events.push({ kind: "inpatient", day: prng.int(first, Math.max(first, clock.lastDay - nights - 1)), nights });
  }
  return events;
}

/** Screenings inside the claims history become visits with claims; older ones are chart history. */
function planScreenings(chart: MemberChart): CareEvent[] {
  const { clock, member } = chart;
  const events: CareEvent[] = [];
  const { mammogramDaysAgo, colonoscopyDaysAgo } = member.profile;

  if (mammogramDaysAgo !== null && clock.lastDay - mammogramDaysAgo >= clock.historyStart) {
    events.push({ kind: "mammogram", day: clock.lastDay - mammogramDaysAgo });
  }
  if (colonoscopyDaysAgo !== null && clock.lastDay - colonoscopyDaysAgo >= clock.historyStart) {
    events.push({ kind: "colonoscopy", day: clock.lastDay - colonoscopyDaysAgo });
  }
  return events;
}

function planRefills(chart: MemberChart): CareEvent[] {
  const { clock, member, prng } = chart;
  const events: CareEvent[] = [];

  for (const medication of maintenanceMedicationsOf(chart)) {
    const inhaler = medication === "albuterol";
    const daysSupply = inhaler ? INHALER_DAYS_SUPPLY : member.profile.fillDays;
    // Members refill a few days late now and then; an inhaler is used as needed and lasts longer.
    const interval = (): number => (inhaler ? prng.int(80, 150) : daysSupply + prng.int(0, 6));
    let fillNumber = prng.int(1, 3);

    for (let day = clock.historyStart + prng.int(0, daysSupply - 1); day <= clock.lastDay; day += interval()) {
      events.push({ kind: "refill", day, medication, daysSupply, fillNumber });
      fillNumber += 1;
    }
  }
  return events;
}
