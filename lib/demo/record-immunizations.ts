import { buildImmunization } from "./build-immunization";
import type { Code } from "./clinical-catalog";
import { vaccines } from "./clinical-catalog";
import { ageOnDay, dayFromCalendarDate, toFhirDateTime, yearOfDay } from "./demo-calendar";
import type { MemberChart } from "./member-chart";
import { officeMinute } from "./member-chart";

const fluVaccines = [vaccines.influenzaTrivalentPreservativeFree, vaccines.influenzaQuadrivalentPreservativeFree, vaccines.influenzaQuadrivalent];

/**
 * Records vaccinations: a flu shot in some autumns of the claims history (mid-September to
 * mid-December), COVID-19 boosters, and Tdap, zoster and HPV doses by age, some of them years ago.
 * Immunizations are not billed in the demo.
 */
export function recordImmunizations(chart: MemberChart): void {
  const { member, clock, prng } = chart;
  const age = ageOnDay(member.birthDay, clock.lastDay);
  let fluRate = 0.45;
  if (age >= 65) fluRate = 0.7;
  if (age < 18) fluRate = 0.6;

  for (let year = yearOfDay(clock.historyStart) - 1; year <= yearOfDay(clock.lastDay); year++) {
    const seasonStart = dayFromCalendarDate(year, 9, 15);
    if (prng.chance(fluRate)) record(chart, prng.pick(fluVaccines), seasonStart + prng.int(0, 90));
    if (age >= 18 && prng.chance(0.3)) record(chart, vaccines.covid, seasonStart + prng.int(0, 75));
  }

  if (age >= 18 && prng.chance(0.5)) {
    record(chart, vaccines.tdap, clock.lastDay - prng.int(30, 3_600));
  }
  if (age >= 52 && prng.chance(0.35)) {
    // The recombinant zoster vaccine is given from age 50, so the first dose is never before then.
    const firstDose = clock.lastDay - prng.int(400, Math.min(1_800, (age - 50) * 365));
    record(chart, vaccines.zoster, firstDose);
    record(chart, vaccines.zoster, firstDose + prng.int(60, 180));
  }
  if (age >= 12 && age <= 26 && prng.chance(0.6)) {
    const firstDose = member.birthDay + 11 * 365 + prng.int(0, 300);
    record(chart, vaccines.hpv, firstDose);
    record(chart, vaccines.hpv, firstDose + prng.int(180, 360));
  }
}

/** Records one dose, skipping dates outside the member's life or after today. */
function record(chart: MemberChart, vaccine: Code, day: number): void {
  const { member, clock, prng, directory } = chart;
  if (day <= member.birthDay || day > clock.lastDay) return;

  const atPharmacy = prng.chance(0.5);
  chart.resources.push(
    buildImmunization({
      id: chart.nextId("imm"),
      patientId: member.patientId,
      vaccine,
      occurrence: toFhirDateTime(day, officeMinute(prng)),
      lotNumber: `${String.fromCharCode(65 + prng.int(0, 25))}${String.fromCharCode(65 + prng.int(0, 25))}${prng.int(1000, 9999)}`,
      locationId: atPharmacy ? directory.pharmacy.locationId : chart.homeSite.locationId,
    }),
  );
}
