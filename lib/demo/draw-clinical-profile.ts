import { maintenanceMedication } from "./clinical-catalog";
import type { Prng } from "./create-prng";
import type { AllergyKind, ChronicCondition, ClinicalProfile } from "./demo-member";

// Mammograms start at 40 and colonoscopies at 45, so the population covers the usual care-gap ages
// (breast 50 to 74, colorectal 45 to 75) and has some earlier starters.
const MAMMOGRAM_MIN_AGE = 40;
const COLONOSCOPY_MIN_AGE = 45;

/**
 * Draws a member's health profile with age-dependent prevalence. Rates are rough US figures chosen
 * to give a varied demo, not an epidemiological model.
 */
export function drawClinicalProfile(prng: Prng, gender: "male" | "female", age: number): ClinicalProfile {
  const chronic = drawChronicConditions(prng, age);
  const has = (condition: ChronicCondition): boolean => chronic.includes(condition);
  const drugCount = new Set(chronic.map((condition) => maintenanceMedication[condition]).filter((drug) => drug !== null)).size;

  return {
    chronic,
    allergies: prng.chance(0.12) ? [prng.pick<AllergyKind>(["penicillin", "penicillin", "sulfonamide", "peanut", "latex"])] : [],
    mammogramDaysAgo: gender === "female" && age >= MAMMOGRAM_MIN_AGE ? drawScreeningDaysAgo(prng, mammogramTiming) : null,
    colonoscopyDaysAgo: age >= COLONOSCOPY_MIN_AGE ? drawScreeningDaysAgo(prng, colonoscopyTiming) : null,
    a1cCurrent: prng.chance(0.75),
    emergencyVisit: prng.chance(0.08),
    inpatientStay: prng.chance(age >= 60 || chronic.length >= 2 ? 0.08 : 0.02),
    // Members on several maintenance drugs get 90-day fills, which keeps them near 30 claims or fewer.
    fillDays: drugCount >= 2 || prng.chance(0.6) ? 90 : 30,
    baseline: {
      a1c: round1(has("diabetes") ? prng.around(8.2, 1.5) : prng.chance(0.1) ? prng.around(6, 0.3) : prng.around(5.3, 0.4)),
      ldl: Math.round(has("hyperlipidemia") ? prng.around(170, 25) : prng.around(105, 30)),
      systolic: Math.round(has("hypertension") ? prng.around(148, 10) : prng.around(117, 11)),
      diastolic: Math.round(has("hypertension") ? prng.around(92, 6) : prng.around(74, 8)),
      bmi: round1(has("obesity") ? prng.around(34, 4) : prng.around(25, 4.5)),
    },
  };
}

function drawChronicConditions(prng: Prng, age: number): ChronicCondition[] {
  const chronic: ChronicCondition[] = [];
  const add = (condition: ChronicCondition, probability: number): void => {
    if (prng.chance(probability)) chronic.push(condition);
  };

  add("diabetes", rateByAge(age, [[55, 0.2], [30, 0.08]]));
  add("hypertension", rateByAge(age, [[55, 0.45], [40, 0.25], [25, 0.06]]));
  add("hyperlipidemia", rateByAge(age, [[50, 0.3], [35, 0.12]]));
  add("asthma", rateByAge(age, [[3, 0.09]]));
  add("depression", rateByAge(age, [[14, 0.09]]));
  add("obesity", rateByAge(age, [[18, chronic.includes("diabetes") ? 0.6 : 0.28]]));
  return chronic;
}

/** Returns the rate of the first band whose minimum age the member has reached, or 0 below all bands. */
function rateByAge(age: number, bands: readonly (readonly [minimumAge: number, rate: number])[]): number {
  return bands.find(([minimumAge]) => age >= minimumAge)?.[1] ?? 0;
}

interface ScreeningTiming {
  upToDateMax: number;
  overdueMin: number;
  overdueMax: number;
}

// HEDIS-style lookbacks: a mammogram within 27 months (about 821 days), a colonoscopy within 10 years
// (3,652 days). Both ranges keep a margin from the boundary so a member is clearly in or out.
const mammogramTiming: ScreeningTiming = { upToDateMax: 790, overdueMin: 870, overdueMax: 2_000 };
const colonoscopyTiming: ScreeningTiming = { upToDateMax: 3_500, overdueMin: 3_800, overdueMax: 5_200 };

/** Up to date 60% of the time, otherwise overdue or never done (null). */
function drawScreeningDaysAgo(prng: Prng, timing: ScreeningTiming): number | null {
  if (prng.chance(0.6)) {
    return prng.int(30, timing.upToDateMax);
  }
  return prng.chance(0.5) ? null : prng.int(timing.overdueMin, timing.overdueMax);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
