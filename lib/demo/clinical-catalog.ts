import type { AllergyKind, ChronicCondition } from "./demo-member";

/** A code with its display text; the field that contains it implies the code system. */
export interface Code {
  code: string;
  display: string;
}

/** A diagnosis coded in SNOMED CT for the chart and ICD-10-CM for claims. */
export interface DiagnosisCodes {
  snomed: Code;
  icd10: Code;
}

export const chronicConditions: Record<ChronicCondition, DiagnosisCodes> = {
  diabetes: {
    snomed: { code: "44054006", display: "Diabetes mellitus type 2" },
    icd10: { code: "E11.9", display: "Type 2 diabetes mellitus without complications" },
  },
  hypertension: {
    snomed: { code: "59621000", display: "Essential hypertension" },
    icd10: { code: "I10", display: "Essential (primary) hypertension" },
  },
  hyperlipidemia: {
    snomed: { code: "55822004", display: "Hyperlipidemia" },
    icd10: { code: "E78.5", display: "Hyperlipidemia, unspecified" },
  },
  asthma: {
    snomed: { code: "195967001", display: "Asthma" },
    icd10: { code: "J45.909", display: "Unspecified asthma, uncomplicated" },
  },
  depression: {
    snomed: { code: "35489007", display: "Depressive disorder" },
    icd10: { code: "F32.A", display: "Depression, unspecified" },
  },
  obesity: {
    snomed: { code: "414916001", display: "Obesity" },
    icd10: { code: "E66.9", display: "Obesity, unspecified" },
  },
};

/** Short illnesses treated in an office visit; each resolves and leaves a resolved Condition. */
export type AcuteIllness = "strep-throat" | "bronchitis" | "sinusitis" | "uti" | "ankle-sprain";

export interface AcuteIllnessInfo extends DiagnosisCodes {
  /** Antibiotic prescribed at the visit, if any. */
  antibiotic: MedicationKind | null;
  /** Days until the illness resolves. */
  resolvesAfterDays: number;
}

export const acuteIllnesses: Record<AcuteIllness, AcuteIllnessInfo> = {
  "strep-throat": {
    snomed: { code: "43878008", display: "Streptococcal sore throat" },
    icd10: { code: "J02.0", display: "Streptococcal pharyngitis" },
    antibiotic: "amoxicillin",
    resolvesAfterDays: 10,
  },
  bronchitis: {
    snomed: { code: "10509002", display: "Acute bronchitis" },
    icd10: { code: "J20.9", display: "Acute bronchitis, unspecified" },
    antibiotic: null,
    resolvesAfterDays: 21,
  },
  sinusitis: {
    snomed: { code: "15805002", display: "Acute sinusitis" },
    icd10: { code: "J01.90", display: "Acute sinusitis, unspecified" },
    antibiotic: "amoxicillin",
    resolvesAfterDays: 14,
  },
  uti: {
    snomed: { code: "68566005", display: "Urinary tract infectious disease" },
    icd10: { code: "N39.0", display: "Urinary tract infection, site not specified" },
    antibiotic: "amoxicillin",
    resolvesAfterDays: 7,
  },
  "ankle-sprain": {
    snomed: { code: "44465007", display: "Sprain of ankle" },
    icd10: { code: "S93.401A", display: "Sprain of unspecified ligament of right ankle, initial encounter" },
    antibiotic: null,
    resolvesAfterDays: 28,
  },
};

export const chestPain: DiagnosisCodes = {
  snomed: { code: "29857009", display: "Chest pain" },
  icd10: { code: "R07.9", display: "Chest pain, unspecified" },
};

export const asthmaExacerbation: DiagnosisCodes = {
  snomed: { code: "195967001", display: "Asthma" },
  icd10: { code: "J45.901", display: "Unspecified asthma with (acute) exacerbation" },
};

export const pneumonia: DiagnosisCodes = {
  snomed: { code: "233604007", display: "Pneumonia" },
  icd10: { code: "J18.9", display: "Pneumonia, unspecified organism" },
};

/** Medications the generator prescribes. */
export type MedicationKind =
  | "metformin" | "lisinopril" | "amlodipine" | "atorvastatin" | "albuterol" | "sertraline" | "amoxicillin" | "azithromycin";

export interface MedicationInfo {
  rxnorm: Code;
  ndc: Code;
  dosage: string;
  /** Dispensing units per day of supply; 0 for an inhaler, which is dispensed as one unit. */
  unitsPerDay: number;
  /** Units and days of a short course; null for a maintenance drug. */
  course: { units: number; days: number } | null;
  /** Pharmacy charge and plan-allowed amount, in cents, per 30 days or per course. */
  submitted: number;
  allowed: number;
}

// NOTE: The NDCs for metformin, atorvastatin, amlodipine, sertraline and amoxicillin come from their
// DailyMed labels. The lisinopril, albuterol and azithromycin NDCs only follow the NDC format and are
// not checked against the FDA NDC directory. RxNorm codes are clinical drug (SCD) concepts.
export const medications: Record<MedicationKind, MedicationInfo> = {
  metformin: {
    rxnorm: { code: "861007", display: "metformin hydrochloride 500 MG Oral Tablet" },
    ndc: { code: "65841-809-01", display: "Metformin Hydrochloride Tablets USP, 500 mg, bottle of 100" },
    dosage: "Take 1 tablet by mouth twice daily with meals.",
    unitsPerDay: 2, course: null, submitted: 1_800, allowed: 650,
  },
  lisinopril: {
    rxnorm: { code: "314076", display: "lisinopril 10 MG Oral Tablet" },
    ndc: { code: "68180-513-01", display: "Lisinopril Tablets USP, 10 mg, bottle of 90" },
    dosage: "Take 1 tablet by mouth once daily.",
    unitsPerDay: 1, course: null, submitted: 1_500, allowed: 480,
  },
  amlodipine: {
    rxnorm: { code: "197361", display: "amlodipine 5 MG Oral Tablet" },
    ndc: { code: "0904-6370-61", display: "Amlodipine Besylate Tablets USP, 5 mg, unit dose 10 x 10" },
    dosage: "Take 1 tablet by mouth once daily.",
    unitsPerDay: 1, course: null, submitted: 1_600, allowed: 520,
  },
  atorvastatin: {
    rxnorm: { code: "617310", display: "atorvastatin 20 MG Oral Tablet" },
    ndc: { code: "67877-512-90", display: "Atorvastatin Calcium Tablets USP, 20 mg, bottle of 90" },
    dosage: "Take 1 tablet by mouth once daily in the evening.",
    unitsPerDay: 1, course: null, submitted: 3_600, allowed: 1_150,
  },
  albuterol: {
    rxnorm: { code: "745679", display: "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler" },
    ndc: { code: "0093-3174-31", display: "Albuterol Sulfate Inhalation Aerosol, 90 mcg/actuation, 200 actuations" },
    dosage: "Inhale 2 puffs by mouth every 4 to 6 hours as needed for wheezing or shortness of breath.",
    unitsPerDay: 0, course: null, submitted: 6_500, allowed: 3_200,
  },
  sertraline: {
    rxnorm: { code: "312940", display: "sertraline 50 MG Oral Tablet" },
    ndc: { code: "68533-056-12", display: "Sertraline Hydrochloride Tablets, 50 mg, bottle of 30" },
    dosage: "Take 1 tablet by mouth once daily.",
    unitsPerDay: 1, course: null, submitted: 3_000, allowed: 900,
  },
  amoxicillin: {
    rxnorm: { code: "308191", display: "amoxicillin 500 MG Oral Capsule" },
    ndc: { code: "72789-225-82", display: "Amoxicillin Capsules USP, 500 mg, bottle of 500" },
    dosage: "Take 1 capsule by mouth three times daily for 10 days.",
    unitsPerDay: 3, course: { units: 30, days: 10 }, submitted: 1_600, allowed: 640,
  },
  azithromycin: {
    rxnorm: { code: "308460", display: "azithromycin 250 MG Oral Tablet" },
    ndc: { code: "59762-3143-1", display: "Azithromycin Tablets, 250 mg, 6-tablet pack" },
    dosage: "Take 2 tablets by mouth on day 1, then 1 tablet daily on days 2 to 5.",
    unitsPerDay: 1, course: { units: 6, days: 5 }, submitted: 2_400, allowed: 900,
  },
};

/** Maintenance medication for each chronic condition; conditions without one are managed without drugs here. */
export const maintenanceMedication: Record<ChronicCondition, MedicationKind | null> = {
  diabetes: "metformin",
  hypertension: "lisinopril",
  hyperlipidemia: "atorvastatin",
  asthma: "albuterol",
  depression: "sertraline",
  obesity: null,
};

export interface AllergyInfo {
  substance: Code;
  category: "medication" | "food" | "environment";
  criticality: "low" | "high";
  reaction: Code;
}

export const allergies: Record<AllergyKind, AllergyInfo> = {
  penicillin: { substance: { code: "764146007", display: "Penicillin" }, category: "medication", criticality: "high", reaction: { code: "126485001", display: "Urticaria" } },
  sulfonamide: { substance: { code: "387406002", display: "Sulfonamide" }, category: "medication", criticality: "low", reaction: { code: "271807003", display: "Eruption of skin" } },
  peanut: { substance: { code: "256349002", display: "Peanut" }, category: "food", criticality: "high", reaction: { code: "39579001", display: "Anaphylaxis" } },
  latex: { substance: { code: "111088007", display: "Latex" }, category: "environment", criticality: "low", reaction: { code: "271807003", display: "Eruption of skin" } },
};

/** CVX vaccine codes the generator records. */
export const vaccines = {
  influenzaTrivalentPreservativeFree: { code: "140", display: "Influenza, seasonal, injectable, preservative free" },
  influenzaQuadrivalentPreservativeFree: { code: "150", display: "Influenza, injectable, quadrivalent, preservative free" },
  influenzaQuadrivalent: { code: "158", display: "Influenza, injectable, quadrivalent, contains preservative" },
  tdap: { code: "115", display: "Tdap" },
  covid: { code: "213", display: "SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED FORMULATION" },
  zoster: { code: "187", display: "Zoster vaccine recombinant" },
  hpv: { code: "165", display: "HPV9" },
} as const satisfies Record<string, Code>;
