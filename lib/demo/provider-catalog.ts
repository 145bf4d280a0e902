/** A provider specialty as a NUCC Health Care Provider Taxonomy code. */
export interface Specialty {
  nucc: string;
  display: string;
}

/** Static description of one clinician; NPIs are derived from `npiBase` with a valid check digit. */
export interface PractitionerSeed {
  key: string;
  prefix: string;
  given: string[];
  family: string;
  suffix: string;
  gender: "male" | "female";
  npiBase: string;
  specialty: Specialty;
}

/** The part a site plays in the care model; care planning picks sites by role. */
export type SiteRole = "primary-care" | "pediatrics" | "hospital" | "endoscopy" | "pharmacy" | "laboratory";

/** Static description of one provider organization and its single location. */
export interface SiteSeed {
  key: string;
  name: string;
  role: SiteRole;
  npiBase: string;
  taxId: string;
  line: string;
  city: string;
  postalCode: string;
  phone: string;
  /** v3-RoleCode service delivery location type, when one fits. */
  locationType?: { code: string; display: string };
  practitioners: PractitionerSeed[];
}

const familyMedicine: Specialty = { nucc: "207Q00000X", display: "Family Medicine Physician" };
const internalMedicine: Specialty = { nucc: "207R00000X", display: "Internal Medicine Physician" };
const pediatrics: Specialty = { nucc: "208000000X", display: "Pediatrics Physician" };

/** Specialties that care planning looks up directly. */
export const specialties = {
  emergency: { nucc: "207P00000X", display: "Emergency Medicine Physician" },
  hospitalist: { nucc: "208M00000X", display: "Hospitalist" },
  radiology: { nucc: "2085R0202X", display: "Diagnostic Radiology Physician" },
  gastroenterology: { nucc: "207RG0100X", display: "Gastroenterology Physician" },
} as const satisfies Record<string, Specialty>;

// Invented organizations and clinicians in the Phoenix area, with made-up tax ids.
export const providerSites: readonly SiteSeed[] = [
  {
    key: "family-medicine-tempe", name: "Lakeview Family Medicine – Tempe", role: "primary-care",
    npiBase: "124785301", taxId: "86-3104417", line: "1250 E Apache Blvd", city: "Tempe", postalCode: "85281",
    phone: "(480) 555-0142", locationType: { code: "PC", display: "primary care clinic" },
    practitioners: [
      { key: "ferreira", prefix: "Dr.", given: ["Ana", "Lucía"], family: "Ferreira", suffix: "MD", gender: "female", npiBase: "158392047", specialty: familyMedicine },
      { key: "odonnell", prefix: "Dr.", given: ["Marcus"], family: "O'Donnell", suffix: "DO", gender: "male", npiBase: "167204938", specialty: familyMedicine },
    ],
  },
  {
    key: "desert-sky-internal-medicine", name: "Desert Sky Internal Medicine", role: "primary-care",
    npiBase: "135920486", taxId: "86-2297715", line: "2730 S Dobson Rd", city: "Mesa", postalCode: "85202",
    phone: "(480) 555-0167", locationType: { code: "PC", display: "primary care clinic" },
    practitioners: [
      { key: "raman", prefix: "Dr.", given: ["Priya"], family: "Raman", suffix: "MD", gender: "female", npiBase: "174930256", specialty: internalMedicine },
      { key: "begay", prefix: "Dr.", given: ["Thomas"], family: "Begay", suffix: "MD", gender: "male", npiBase: "182047395", specialty: internalMedicine },
    ],
  },
  {
    key: "saguaro-pediatrics", name: "Saguaro Pediatrics", role: "pediatrics",
    npiBase: "149302857", taxId: "86-1958832", line: "955 W Chandler Blvd", city: "Chandler", postalCode: "85224",
    phone: "(480) 555-0188", locationType: { code: "PEDC", display: "pediatrics clinic" },
    practitioners: [
      { key: "kowalczyk", prefix: "Dr.", given: ["Hannah"], family: "Kowalczyk", suffix: "MD", gender: "female", npiBase: "190284736", specialty: pediatrics },
      { key: "ibanez", prefix: "Dr.", given: ["José"], family: "Ibáñez", suffix: "MD", gender: "male", npiBase: "120394857", specialty: pediatrics },
    ],
  },
  {
    key: "regional-medical-center", name: "Lakeview Regional Medical Center", role: "hospital",
    npiBase: "110293847", taxId: "86-0731126", line: "3900 N Central Ave", city: "Phoenix", postalCode: "85012",
    phone: "(602) 555-0110", locationType: { code: "HOSP", display: "Hospital" },
    practitioners: [
      { key: "castillo", prefix: "Dr.", given: ["Renée"], family: "Castillo", suffix: "MD", gender: "female", npiBase: "131029384", specialty: specialties.emergency },
      { key: "whitehorse", prefix: "Dr.", given: ["Samuel"], family: "Whitehorse", suffix: "MD", gender: "male", npiBase: "143958201", specialty: specialties.hospitalist },
      { key: "liang", prefix: "Dr.", given: ["Grace"], family: "Liang", suffix: "MD", gender: "female", npiBase: "156029384", specialty: specialties.radiology },
    ],
  },
  {
    key: "camelback-endoscopy", name: "Camelback Endoscopy Center", role: "endoscopy",
    npiBase: "162938470", taxId: "86-4410293", line: "4800 E Camelback Rd", city: "Phoenix", postalCode: "85018",
    phone: "(602) 555-0131", locationType: { code: "ENDOS", display: "endoscopy lab" },
    practitioners: [
      { key: "nakamura", prefix: "Dr.", given: ["Daniel"], family: "Nakamura", suffix: "MD", gender: "male", npiBase: "178203946", specialty: specialties.gastroenterology },
    ],
  },
  {
    key: "cactus-wren-pharmacy", name: "Cactus Wren Pharmacy", role: "pharmacy",
    npiBase: "185029374", taxId: "86-3391057", line: "611 S Mill Ave", city: "Tempe", postalCode: "85281",
    phone: "(480) 555-0155", locationType: { code: "OUTPHARM", display: "outpatient pharmacy" },
    practitioners: [],
  },
  {
    key: "valley-reference-lab", name: "Valley Reference Laboratory", role: "laboratory",
    npiBase: "193847562", taxId: "86-2048816", line: "1720 W Rio Salado Pkwy", city: "Tempe", postalCode: "85281",
    phone: "(480) 555-0176",
    practitioners: [],
  },
];
