import type { ClinicalProfile, Relationship } from "./demo-member";

/** A member whose age, gender and chosen health facts are fixed; the rest is drawn from the seed. */
export interface MemberSpec {
  relationship: Relationship;
  gender: "male" | "female";
  age: number;
  profile?: Partial<ClinicalProfile>;
}

/** A family whose composition and plan are fixed. */
export interface FamilySpec {
  planCode: string | null;
  members: MemberSpec[];
}

const none = { emergencyVisit: false, inpatientStay: false, allergies: [] } satisfies Partial<ClinicalProfile>;

/**
 * The first families are fixed so that every seed has the cases the portal demo needs: the
 * subscriber account with dependents, a second member, care gaps and members who are up to date.
 * Members after these are drawn at random.
 */
export const featuredFamilies: readonly FamilySpec[] = [
  {
    planCode: "LV-GOLD-PPO",
    members: [
      {
        // Diabetic with a recent, improving HbA1c; colonoscopy current; mammogram overdue.
        relationship: "self", gender: "female", age: 54,
        profile: { ...none, chronic: ["diabetes", "hypertension", "hyperlipidemia"], allergies: ["penicillin"], a1cCurrent: true, mammogramDaysAgo: 1_010, colonoscopyDaysAgo: 1_400, fillDays: 90 },
      },
      {
        // Never had colorectal cancer screening.
        relationship: "spouse", gender: "male", age: 57,
        profile: { ...none, chronic: ["hypertension"], colonoscopyDaysAgo: null, fillDays: 30 },
      },
      { relationship: "child", gender: "male", age: 16, profile: { ...none, chronic: ["asthma"], emergencyVisit: true } },
      { relationship: "child", gender: "female", age: 12, profile: { ...none, chronic: [] } },
    ],
  },
  {
    planCode: "LV-SILVER-PPO",
    members: [
      {
        // Diabetic without an HbA1c in the last year, colonoscopy 12 years ago, one hospital stay.
        relationship: "self", gender: "male", age: 63,
        profile: { ...none, chronic: ["diabetes", "hyperlipidemia", "obesity"], a1cCurrent: false, colonoscopyDaysAgo: 4_400, inpatientStay: true, fillDays: 90 },
      },
    ],
  },
  {
    planCode: "LV-GOLD-PPO",
    members: [
      {
        // Up to date on both screenings, with the mammogram inside the claims history.
        relationship: "self", gender: "female", age: 67,
        profile: { ...none, chronic: ["hypertension"], mammogramDaysAgo: 300, colonoscopyDaysAgo: 2_000, fillDays: 90 },
      },
    ],
  },
];
