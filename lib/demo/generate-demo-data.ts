import type { FhirResource } from "fhir/r4";

import { adjudicateFamilyClaims } from "./adjudicate-family-claims";
import type { DemoAccount } from "./build-demo-accounts";
import { buildDemoAccounts } from "./build-demo-accounts";
import { buildCoverage } from "./build-coverage";
import { buildExplanationOfBenefit } from "./build-explanation-of-benefit";
import { buildPatient } from "./build-patient";
import { buildProviderDirectory } from "./build-provider-directory";
import type { ClaimDraft } from "./claim-draft";
import { createDemoClock, DEFAULT_DEMO_TODAY } from "./create-demo-clock";
import { toFhirDateTime } from "./demo-calendar";
import { planFamilies } from "./plan-families";
import { recordMemberChart } from "./record-member-chart";

export type { DemoAccount } from "./build-demo-accounts";

/** Options of {@link generateDemoData}. */
export interface DemoDataOptions {
  /** Number of members (Patients) to generate, 1 to MAX_DEMO_MEMBERS. */
  members: number;
  /** Any safe integer; the same seed, member count and today give byte-identical output. */
  seed: number;
  /** The date the data leads up to; defaults to DEFAULT_DEMO_TODAY (2026-12-01) so output is repeatable. */
  today?: Date;
}

/** Generated FHIR resources plus the sign-in accounts that go with them. */
export interface DemoData {
  /**
   * Every resource has resourceType and a stable id; references are relative ("Patient/demo-pat-0001").
   * Typed as the FhirResource union, which store writers accept without a cast.
   */
  resources: FhirResource[];
  accounts: DemoAccount[];
}

/**
 * Upper bound on members. Generation keeps all resources in memory (5,000 members measured at about
 * 850 MB of heap), so the cap keeps a run under about 2 GB.
 */
export const MAX_DEMO_MEMBERS = 10_000;

/** Seed for callers with no reason to pick one, such as the demo database seed and the CLI. */
export const DEFAULT_DEMO_SEED = 20_261_201;

/**
 * Generates a deterministic demo population for the Lakeview Health Plan. It builds the payer and
 * providers first. Then, per family, it builds each member's Patient, a Coverage per plan year and
 * the clinical record, and adjudicates the family's claims into CARIN Blue Button
 * ExplanationOfBenefits. It reads no clock and calls no Math.random.
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  assertOptions(options);
  const clock = createDemoClock(options.today ?? DEFAULT_DEMO_TODAY);
  const lastUpdated = toFhirDateTime(clock.lastDay, 6 * 60);
  const directory = buildProviderDirectory(lastUpdated);
  const families = planFamilies(options.seed, options.members, clock);
  const resources: FhirResource[] = [...directory.resources];

  for (const family of families) {
    const claims: ClaimDraft[] = [];
    for (const member of family.members) {
      resources.push(buildPatient(member, family, lastUpdated));
      for (const planYear of clock.planYears) {
        resources.push(buildCoverage(member, family, planYear, lastUpdated));
      }
      const chart = recordMemberChart(member, family, directory, clock, options.seed);
      resources.push(...chart.resources);
      claims.push(...chart.claims);
    }
    for (const claim of adjudicateFamilyClaims(claims, family.plan)) {
      resources.push(buildExplanationOfBenefit(claim));
    }
  }

  return { resources, accounts: buildDemoAccounts(families) };
}

function assertOptions(options: DemoDataOptions): void {
  if (!Number.isInteger(options.members) || options.members < 1 || options.members > MAX_DEMO_MEMBERS) {
    throw new RangeError(`members must be an integer from 1 to ${MAX_DEMO_MEMBERS}; it is ${options.members}.`);
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new RangeError(`seed must be a safe integer; it is ${options.seed}.`);
  }
  if (options.today !== undefined && Number.isNaN(options.today.getTime())) {
    throw new RangeError("today is an invalid Date; pass a valid Date or leave it out to use DEFAULT_DEMO_TODAY.");
  }
}
