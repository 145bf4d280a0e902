import type { Prng } from "./create-prng";
import type { ChronicCondition } from "./demo-member";
import type { HealthTrend } from "./member-chart";

/**
 * Moves lab and vital-sign values one visit forward. Treated conditions drift toward their
 * treatment targets (HbA1c 7%, LDL 95 mg/dL, 132/82 mmHg) with noise; other values wander a little.
 */
export function advanceHealthTrend(trend: HealthTrend, prng: Prng, chronic: readonly ChronicCondition[]): void {
  const toward = (value: number, target: number, rate: number, noise: number): number =>
    value + (target - value) * rate + prng.around(0, noise);

  trend.a1c = round1(clamp(chronic.includes("diabetes") ? toward(trend.a1c, 7, 0.25, 0.3) : toward(trend.a1c, trend.a1c, 0, 0.1), 4.6, 11.5));
  trend.ldl = Math.round(clamp(chronic.includes("hyperlipidemia") ? toward(trend.ldl, 95, 0.3, 10) : toward(trend.ldl, trend.ldl, 0, 6), 50, 230));

  const hypertensive = chronic.includes("hypertension");
  trend.systolic = Math.round(clamp(hypertensive ? toward(trend.systolic, 132, 0.3, 6) : toward(trend.systolic, trend.systolic, 0, 5), 96, 178));
  trend.diastolic = Math.round(clamp(hypertensive ? toward(trend.diastolic, 82, 0.3, 4) : toward(trend.diastolic, trend.diastolic, 0, 3), 58, 104));
  trend.bmi = round1(clamp(toward(trend.bmi, trend.bmi, 0, 0.3), 15, 48));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
