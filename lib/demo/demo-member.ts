import type { Address } from "fhir/r4";

import type { PersonName } from "./person-names";
import type { EmployerGroup, PlanBenefits } from "./plan-benefits";

/** Chronic conditions the generator can assign; each maps to codes in the clinical catalog. */
export type ChronicCondition = "diabetes" | "hypertension" | "hyperlipidemia" | "asthma" | "depression" | "obesity";

/** Allergies the generator can assign. */
export type AllergyKind = "penicillin" | "peanut" | "latex" | "sulfonamide";

/** Preferred languages other than English that some members record. */
export type LanguageKind = "es" | "vi" | "nv" | "zh";

/** Coverage.relationship codes used by the demo. */
export type Relationship = "self" | "spouse" | "child";

/** The health facts that drive a member's visits, claims and clinical resources. */
export interface ClinicalProfile {
  chronic: readonly ChronicCondition[];
  allergies: readonly AllergyKind[];
  /** Days from the last screening mammogram to the clock's last day; null when there never was one. */
  mammogramDaysAgo: number | null;
  /** Days from the last colonoscopy to the clock's last day; null when there never was one. */
  colonoscopyDaysAgo: number | null;
  /** Diabetics only: false leaves the member without an HbA1c in the last 12 months of data. */
  a1cCurrent: boolean;
  emergencyVisit: boolean;
  inpatientStay: boolean;
  /** Days supplied per chronic prescription fill. */
  fillDays: 30 | 90;
  /** Starting values of the lab and vital-sign trends. */
  baseline: { a1c: number; ldl: number; systolic: number; diastolic: number; bmi: number };
}

/** One insured person. */
export interface DemoMember {
  /** 1-based position among all members; also the number in the member's resource ids. */
  index: number;
  patientId: string;
  relationship: Relationship;
  /** Two-digit dependent number on the card: 01 for the subscriber. */
  dependentNumber: string;
  memberId: string;
  name: PersonName;
  gender: "male" | "female";
  birthDay: number;
  language: LanguageKind | null;
  email: string | null;
  mobilePhone: string | null;
  profile: ClinicalProfile;
}

/** A subscriber and the dependents who share the subscriber's plan. */
export interface DemoFamily {
  /** 0-based family number. */
  index: number;
  subscriberId: string;
  plan: PlanBenefits;
  group: EmployerGroup;
  address: Address;
  homePhone: string;
  /** The subscriber first. */
  members: DemoMember[];
}
