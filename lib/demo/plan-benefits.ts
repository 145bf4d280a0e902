/** Cost-sharing terms of one plan for one plan year, in integer cents. All services are in network. */
export interface PlanBenefits {
  code: string;
  name: string;
  deductible: { individual: number; family: number };
  outOfPocketMax: { individual: number; family: number };
  copay: { primaryCare: number; specialist: number; emergency: number; genericDrug: number; brandDrug: number };
  /** Member share after the deductible, in percent of the allowed amount. */
  coinsurancePercent: number;
}

/** The employer group that sponsors a family's plan. */
export interface EmployerGroup {
  code: string;
  name: string;
}

// Drug copays are for a 30-day supply; a 90-day mail-order fill costs two copays, a common design.
export const planOptions: readonly PlanBenefits[] = [
  {
    code: "LV-GOLD-PPO",
    name: "Lakeview Gold PPO",
    deductible: { individual: 100_000, family: 200_000 },
    outOfPocketMax: { individual: 400_000, family: 800_000 },
    copay: { primaryCare: 2_500, specialist: 5_000, emergency: 25_000, genericDrug: 1_000, brandDrug: 4_000 },
    coinsurancePercent: 20,
  },
  {
    code: "LV-SILVER-PPO",
    name: "Lakeview Silver PPO",
    deductible: { individual: 250_000, family: 500_000 },
    outOfPocketMax: { individual: 750_000, family: 1_500_000 },
    copay: { primaryCare: 4_000, specialist: 7_500, emergency: 40_000, genericDrug: 1_500, brandDrug: 5_000 },
    coinsurancePercent: 30,
  },
];

// Invented employers.
export const employerGroups: readonly EmployerGroup[] = [
  { code: "G-10234", name: "Copper State Unified School District" },
  { code: "G-20417", name: "Mesa Ridge Manufacturing" },
  { code: "G-30051", name: "Sonoran Solar Cooperative" },
  { code: "G-40988", name: "City of Lakeview" },
];
