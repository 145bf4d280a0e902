import type { FhirResource } from "fhir/r4";

import type { CareSite, PractitionerInfo, ProviderDirectory } from "./build-provider-directory";
import type { ClaimDraft } from "./claim-draft";
import type { MedicationKind } from "./clinical-catalog";
import type { DemoClock } from "./create-demo-clock";
import type { Prng } from "./create-prng";
import { createPrng, deriveSeed } from "./create-prng";
import { ageOnDay, toFhirDateTime } from "./demo-calendar";
import { demoId } from "./demo-id";
import type { ChronicCondition, DemoFamily, DemoMember } from "./demo-member";

/** Lab and vital-sign values that drift from visit to visit. */
export interface HealthTrend {
  a1c: number;
  ldl: number;
  systolic: number;
  diastolic: number;
  bmi: number;
}

/**
 * The working state while one member's record is generated: the random stream, the member's usual
 * clinic and doctor, and the resources and claim drafts produced so far.
 */
export interface MemberChart {
  readonly member: DemoMember;
  readonly family: DemoFamily;
  readonly directory: ProviderDirectory;
  readonly clock: DemoClock;
  readonly prng: Prng;
  /** Pediatrics for members under 18 today, otherwise the family's primary care clinic. */
  readonly homeSite: CareSite;
  readonly doctor: PractitionerInfo;
  readonly resources: FhirResource[];
  readonly claims: ClaimDraft[];
  readonly conditionIds: Map<ChronicCondition, string>;
  readonly prescriptionIds: Map<MedicationKind, string>;
  readonly trend: HealthTrend;
  /** Returns the next id of a kind for this member, e.g. demo-enc-0007-0003. */
  nextId(kind: string): string;
}

/** Creates an empty chart whose random stream depends only on the seed and the member's index. */
export function createMemberChart(
  member: DemoMember,
  family: DemoFamily,
  directory: ProviderDirectory,
  clock: DemoClock,
  seed: number,
): MemberChart {
  const prng = createPrng(deriveSeed(seed, "member", member.index));
  const homeSite = ageOnDay(member.birthDay, clock.lastDay) < 18
    ? directory.pediatrics
    : directory.primaryCare[family.index % directory.primaryCare.length] ?? directory.pediatrics;
  const counters = new Map<string, number>();

  return {
    member,
    family,
    directory,
    clock,
    prng,
    homeSite,
    doctor: prng.pick(homeSite.practitioners),
    resources: [],
    claims: [],
    conditionIds: new Map(),
    prescriptionIds: new Map(),
    trend: { ...member.profile.baseline },
    nextId(kind) {
      const next = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, next);
      return demoId(kind, member.index, next);
    },
  };
}

/** Returns a clinic appointment time: between 08:00 and 16:30 local, on a quarter hour. */
export function officeMinute(prng: Prng): number {
  return 8 * 60 + 15 * prng.int(0, 34);
}

/** Formats a day at 07:00 local as a FHIR instant; lab results are issued the morning after collection. */
export function issuedNextMorning(day: number): string {
  return toFhirDateTime(day + 1, 7 * 60);
}
