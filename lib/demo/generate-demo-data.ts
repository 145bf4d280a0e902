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
 * Upper bound on members for generateDemoData, which keeps all resources in memory (5,000
 * members measured at about 850 MB of heap), so the cap keeps a run under about 2 GB. Larger
 * populations go through streamDemoData.
 */
export const MAX_DEMO_MEMBERS = 10_000;

/**
 * Upper bound on members for streamDemoData. Only the family plan stays in memory (about 1 KB
 * per member: 108 MB of heap measured for 100,000), so the bound is the time a run takes.
 */
export const MAX_STREAMED_DEMO_MEMBERS = 1_000_000;

/** Seed for callers with no reason to pick one, such as the demo database seed and the CLI. */
export const DEFAULT_DEMO_SEED = 20_261_201;

/** A demo population produced family by family, so callers can write it with bounded memory. */
export interface DemoDataStream {
  accounts: DemoAccount[];
  memberCount: number;
  /**
   * Yields the payer and provider directory first, then each family's resources: per member the
   * Patient, a Coverage per plan year and the clinical record, then the family's
   * ExplanationOfBenefits. `membersDone` counts the members yielded so far.
   */
  chunks(): Generator<{ resources: FhirResource[]; membersDone: number }>;
}

/**
 * Generates a deterministic demo population for the Lakeview Health Plan, all in memory. It reads
 * no clock and calls no Math.random, so the same options give byte-identical output.
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  assertOptions(options, MAX_DEMO_MEMBERS);
  const stream = streamDemoData(options);
  const resources: FhirResource[] = [];
  for (const chunk of stream.chunks()) {
    for (const resource of chunk.resources) resources.push(resource);
  }
  return { resources, accounts: stream.accounts };
}

/**
 * Plans the same population as generateDemoData but builds each family's resources only when
 * `chunks()` reaches it, for populations of up to MAX_STREAMED_DEMO_MEMBERS members.
 */
export function streamDemoData(options: DemoDataOptions): DemoDataStream {
  assertOptions(options, MAX_STREAMED_DEMO_MEMBERS);
  const clock = createDemoClock(options.today ?? DEFAULT_DEMO_TODAY);
  const lastUpdated = toFhirDateTime(clock.lastDay, 6 * 60);
  const families = planFamilies(options.seed, options.members, clock);

  function* chunks(): Generator<{ resources: FhirResource[]; membersDone: number }> {
    const directory = buildProviderDirectory(lastUpdated);
    yield { resources: directory.resources, membersDone: 0 };

    let membersDone = 0;
    for (const family of families) {
      const resources: FhirResource[] = [];
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
      membersDone += family.members.length;
      yield { resources, membersDone };
    }
  }

  return { accounts: buildDemoAccounts(families), memberCount: options.members, chunks };
}

function assertOptions(options: DemoDataOptions, maxMembers: number): void {
  if (!Number.isInteger(options.members) || options.members < 1 || options.members > maxMembers) {
    throw new RangeError(`members must be an integer from 1 to ${maxMembers}; it is ${options.members}.`);
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new RangeError(`seed must be a safe integer; it is ${options.seed}.`);
  }
  if (options.today !== undefined && Number.isNaN(options.today.getTime())) {
    throw new RangeError("today is an invalid Date; pass a valid Date or leave it out to use DEFAULT_DEMO_TODAY.");
  }
}
