import type {
  Condition,
  Coverage,
  ExplanationOfBenefit,
  ExplanationOfBenefitItemAdjudication,
  FhirResource,
  Observation,
  Patient,
  Procedure,
} from "fhir/r4";
import { beforeAll, describe, expect, it } from "vitest";

import { costUnitExtensionUrl } from "./build-coverage";
import { DEFAULT_DEMO_TODAY } from "./create-demo-clock";
import { isValidNpi } from "./create-npi";
import { eobAmountCategories } from "./eob-adjudication";
import type { DemoData } from "./generate-demo-data";
import { generateDemoData } from "./generate-demo-data";

type AmountKey = keyof typeof eobAmountCategories;
const amountKeys = Object.keys(eobAmountCategories) as AmountKey[];
const DAY_MS = 86_400_000;
const today = DEFAULT_DEMO_TODAY.getTime();

const ofType = <T extends FhirResource>(data: DemoData, type: T["resourceType"]): T[] =>
  data.resources.filter((resource): resource is T => resource.resourceType === type);

/** Visits every string in a resource with the key it sits under. */
function visitStrings(value: unknown, visit: (key: string, text: string) => void, key = ""): void {
  if (typeof value === "string") visit(key, value);
  else if (Array.isArray(value)) value.forEach((item) => visitStrings(item, visit, key));
  else if (value && typeof value === "object") {
    for (const [childKey, child] of Object.entries(value)) visitStrings(child, visit, childKey);
  }
}

/** Visits every object in a resource with the key it sits under. */
function visitObjects(value: unknown, visit: (key: string, object: Record<string, unknown>) => void, key = ""): void {
  if (Array.isArray(value)) value.forEach((item) => visitObjects(item, visit, key));
  else if (value && typeof value === "object") {
    visit(key, value as Record<string, unknown>);
    for (const [childKey, child] of Object.entries(value)) visitObjects(child, visit, childKey);
  }
}

/** Reads an amount in cents from an adjudication list; a missing category is zero. */
function centsOf(entries: readonly ExplanationOfBenefitItemAdjudication[] | undefined, key: AmountKey): number {
  const { system, code } = eobAmountCategories[key];
  const entry = entries?.find((item) => item.category.coding?.some((coding) => coding.system === system && coding.code === code));
  return Math.round((entry?.amount?.value ?? 0) * 100);
}

function limitOf(coverage: Coverage, type: "deductible" | "maxoutofpocket", unit: "individual" | "family"): number {
  const cost = coverage.costToBeneficiary?.find(
    (entry) =>
      entry.type?.coding?.[0]?.code === type &&
      entry.extension?.some((extension) => extension.url === costUnitExtensionUrl && extension.valueCodeableConcept?.coding?.[0]?.code === unit),
  );
  if (!cost?.valueMoney?.value) throw new Error(`Coverage ${coverage.id} has no ${unit} ${type}`);
  return Math.round(cost.valueMoney.value * 100);
}

function ageOf(patient: Patient): number {
  const birth = new Date(`${patient.birthDate}T12:00:00-07:00`);
  const now = new Date(today);
  const hadBirthday = now.getUTCMonth() * 100 + now.getUTCDate() >= birth.getUTCMonth() * 100 + birth.getUTCDate();
  return now.getUTCFullYear() - birth.getUTCFullYear() - (hadBirthday ? 0 : 1);
}

/** Lists references that name no resource in the set. */
function brokenReferences(data: DemoData): string[] {
  const known = new Set(data.resources.map((resource) => `${resource.resourceType}/${resource.id ?? ""}`));
  const broken: string[] = [];
  for (const resource of data.resources) {
    visitStrings(resource, (key, text) => {
      if (key === "reference" && !known.has(text)) broken.push(`${resource.id ?? ""} -> ${text}`);
    });
  }
  return broken;
}

function daysAgo(dateTime: string | undefined): number {
  return dateTime ? (today - new Date(dateTime).getTime()) / DAY_MS : Infinity;
}

describe("generateDemoData", () => {
  let data: DemoData;
  let eobs: ExplanationOfBenefit[];

  beforeAll(() => {
    data = generateDemoData({ members: 25, seed: 20_261_201 });
    eobs = ofType<ExplanationOfBenefit>(data, "ExplanationOfBenefit");
  });

  describe("determinism", () => {
    it("repeats output for the same options", () => {
      const again = generateDemoData({ members: 25, seed: 20_261_201 });

      expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    });

    it("changes output for another seed", () => {
      const other = generateDemoData({ members: 25, seed: 20_261_202 });

      expect(JSON.stringify(other)).not.toBe(JSON.stringify(data));
    });

    it("uses the fixed default today", () => {
      const explicit = generateDemoData({ members: 3, seed: 5, today: DEFAULT_DEMO_TODAY });
      const implicit = generateDemoData({ members: 3, seed: 5 });

      expect(JSON.stringify(implicit)).toBe(JSON.stringify(explicit));
    });

    it("keeps the first family stable across member counts", () => {
      const familyOf = (demo: DemoData): string =>
        JSON.stringify(demo.resources.filter((resource) => /demo-(pat|cov|eob|enc|obs)-000[1-4]\b/.test(JSON.stringify(resource))));

      expect(familyOf(generateDemoData({ members: 10, seed: 3 }))).toBe(familyOf(generateDemoData({ members: 40, seed: 3 })));
    });
  });

  describe("resource validity", () => {
    it("gives every resource a unique valid FHIR id", () => {
      const keys = data.resources.map((resource) => `${resource.resourceType}/${resource.id ?? ""}`);

      for (const resource of data.resources) {
        expect(resource.id, resource.resourceType).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      }
      expect(new Set(keys).size).toBe(keys.length);
    });

    it("resolves every reference within the set", () => {
      expect(brokenReferences(data)).toEqual([]);
    });

    it("writes dateTimes with a timezone offset", () => {
      const invalid: string[] = [];

      for (const resource of data.resources) {
        visitStrings(resource, (key, text) => {
          if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
            invalid.push(`${resource.id ?? ""}.${key} = ${text}`);
          }
        });
      }

      expect(invalid).toEqual([]);
    });

    it("writes date elements as YYYY-MM-DD", () => {
      const dateKeys = new Set(["birthDate", "servicedDate", "timingDate", "date"]);
      const invalid: string[] = [];

      for (const resource of data.resources) {
        visitStrings(resource, (key, text) => {
          if (dateKeys.has(key) && !/^\d{4}-\d{2}-\d{2}$/.test(text)) invalid.push(`${resource.id ?? ""}.${key} = ${text}`);
        });
      }

      expect(invalid).toEqual([]);
    });

    it("writes money as USD numbers in whole cents", () => {
      const invalid: string[] = [];

      for (const resource of data.resources) {
        visitObjects(resource, (key, object) => {
          if (key !== "amount" && key !== "valueMoney") return;
          const value = object.value;
          const cents = typeof value === "number" ? value * 100 : NaN;
          if (object.currency !== "USD" || Math.abs(cents - Math.round(cents)) > 1e-6) invalid.push(`${resource.id ?? ""} ${JSON.stringify(object)}`);
        });
      }

      expect(invalid).toEqual([]);
    });

    it("gives practitioners and provider organizations valid NPIs", () => {
      const npis: string[] = [];
      for (const resource of data.resources) {
        if (resource.resourceType !== "Practitioner" && resource.resourceType !== "Organization") continue;
        visitObjects(resource, (key, object) => {
          if (key === "identifier" && object.system === "http://hl7.org/fhir/sid/us-npi" && typeof object.value === "string") npis.push(object.value);
        });
      }

      expect(npis.length).toBeGreaterThanOrEqual(15);
      expect(npis.filter((npi) => !isValidNpi(npi))).toEqual([]);
    });
  });

  describe("counts", () => {
    it("creates one Patient per member and a Coverage per plan year", () => {
      expect(ofType(data, "Patient")).toHaveLength(25);
      expect(ofType(data, "Coverage")).toHaveLength(50);
    });

    it("gives every member four claims or more", () => {
      const perPatient = new Map<string, number>();
      for (const eob of eobs) perPatient.set(eob.patient.reference ?? "", (perPatient.get(eob.patient.reference ?? "") ?? 0) + 1);

      expect(perPatient.size).toBe(25);
      expect(Math.min(...perPatient.values())).toBeGreaterThanOrEqual(4);
    });

    it("averages 30 claims per member or fewer", () => {
      expect(eobs.length / 25).toBeLessThanOrEqual(30);
    });

    it("produces every claim type and some clinical resources of each kind", () => {
      const profiles = new Set(eobs.map((eob) => eob.meta?.profile?.[0]?.split("/").pop()));
      const types = new Set(data.resources.map((resource) => resource.resourceType));

      expect([...profiles].sort()).toEqual([
        "C4BB-ExplanationOfBenefit-Inpatient-Institutional|2.0.0",
        "C4BB-ExplanationOfBenefit-Outpatient-Institutional|2.0.0",
        "C4BB-ExplanationOfBenefit-Pharmacy|2.0.0",
        "C4BB-ExplanationOfBenefit-Professional-NonClinician|2.0.0",
      ]);
      for (const type of ["Encounter", "Condition", "Observation", "MedicationRequest", "Immunization", "Procedure", "AllergyIntolerance", "Location", "Practitioner"]) {
        expect(types, type).toContain(type);
      }
    });

    it("scales to a thousand members", () => {
      const large = generateDemoData({ members: 1_000, seed: 11 });

      expect(ofType(large, "Patient")).toHaveLength(1_000);
      expect(ofType(large, "ExplanationOfBenefit").length / 1_000).toBeGreaterThan(4);
    });

    it("adds a third plan year in early January", () => {
      const january = generateDemoData({ members: 5, seed: 2, today: new Date("2026-01-02T12:00:00-07:00") });
      const periods = new Set(ofType<Coverage>(january, "Coverage").map((coverage) => coverage.period?.start));

      expect([...periods].sort()).toEqual(["2024-01-01", "2025-01-01", "2026-01-01"]);
      expect(ofType(january, "Coverage")).toHaveLength(15);
      expect(brokenReferences(january)).toEqual([]);
    });

    it("generates a single member", () => {
      const single = generateDemoData({ members: 1, seed: 1 });

      expect(ofType(single, "Patient")).toHaveLength(1);
      expect(single.accounts.map((account) => account.email)).toEqual([
        "member@lakeview.example",
        "carol.manager@lakeview.example",
        "admin@lakeview.example",
      ]);
    });
  });

  describe("claims", () => {
    it("balances the amounts of every line", () => {
      const unbalanced: string[] = [];

      for (const eob of eobs) {
        for (const item of eob.item ?? []) {
          const cents = Object.fromEntries(amountKeys.map((key) => [key, centsOf(item.adjudication, key)])) as Record<AmountKey, number>;
          const ok =
            cents.eligible + cents.discount + cents.noncovered === cents.submitted &&
            cents.deductible + cents.copay + cents.coinsurance + cents.paidToProvider === cents.eligible &&
            cents.deductible + cents.copay + cents.coinsurance + cents.noncovered === cents.memberLiability &&
            amountKeys.every((key) => cents[key] >= 0);
          if (!ok) unbalanced.push(`${eob.id ?? ""}#${item.sequence} ${JSON.stringify(cents)}`);
        }
      }

      expect(unbalanced).toEqual([]);
    });

    it("totals each category as the sum of its lines", () => {
      for (const eob of eobs) {
        for (const key of amountKeys) {
          const lineSum = (eob.item ?? []).reduce((sum, item) => sum + centsOf(item.adjudication, key), 0);
          expect(centsOf(eob.total, key), `${eob.id ?? ""} ${key}`).toBe(lineSum);
        }
      }
    });

    it("pays the provider the total paid to provider", () => {
      for (const eob of eobs) {
        expect(Math.round((eob.payment?.amount?.value ?? -1) * 100), eob.id).toBe(centsOf(eob.total, "paidToProvider"));
      }
    });

    it("never makes member liability negative", () => {
      const liabilities = eobs.flatMap((eob) => (eob.item ?? []).map((item) => centsOf(item.adjudication, "memberLiability")));

      expect(Math.min(...liabilities)).toBeGreaterThanOrEqual(0);
    });

    it("keeps deductible and out-of-pocket within each coverage's limits", () => {
      const coverages = new Map(ofType<Coverage>(data, "Coverage").map((coverage) => [`Coverage/${coverage.id ?? ""}`, coverage]));
      const perCoverage = new Map<string, { deductible: number; outOfPocket: number }>();
      const perFamilyYear = new Map<string, { deductible: number; limit: number }>();

      for (const eob of eobs) {
        const reference = eob.insurance[0]?.coverage.reference ?? "";
        const coverage = coverages.get(reference);
        if (!coverage) throw new Error(`${eob.id ?? ""} points to missing ${reference}`);
        const deductible = centsOf(eob.total, "deductible");
        const outOfPocket = deductible + centsOf(eob.total, "copay") + centsOf(eob.total, "coinsurance");
        const member = perCoverage.get(reference) ?? { deductible: 0, outOfPocket: 0 };
        perCoverage.set(reference, { deductible: member.deductible + deductible, outOfPocket: member.outOfPocket + outOfPocket });
        const familyKey = `${coverage.subscriberId ?? ""}/${coverage.period?.start ?? ""}`;
        const family = perFamilyYear.get(familyKey) ?? { deductible: 0, limit: limitOf(coverage, "deductible", "family") };
        perFamilyYear.set(familyKey, { ...family, deductible: family.deductible + deductible });
      }

      for (const [reference, totals] of perCoverage) {
        const coverage = coverages.get(reference) as Coverage;
        expect(totals.deductible, reference).toBeLessThanOrEqual(limitOf(coverage, "deductible", "individual"));
        expect(totals.outOfPocket, reference).toBeLessThanOrEqual(limitOf(coverage, "maxoutofpocket", "individual"));
      }
      for (const [key, family] of perFamilyYear) {
        expect(family.deductible, key).toBeLessThanOrEqual(family.limit);
      }
      const met = [...perCoverage].filter(([reference, totals]) => totals.deductible === limitOf(coverages.get(reference) as Coverage, "deductible", "individual"));
      expect(met.length).toBeGreaterThan(0);
    });

    it("points each claim at the coverage of its service year", () => {
      const coverages = new Map(ofType<Coverage>(data, "Coverage").map((coverage) => [`Coverage/${coverage.id ?? ""}`, coverage]));

      for (const eob of eobs) {
        const coverage = coverages.get(eob.insurance[0]?.coverage.reference ?? "");
        const start = new Date(eob.billablePeriod?.start ?? "").getTime();
        expect(coverage?.beneficiary.reference).toBe(eob.patient.reference);
        expect(start, eob.id).toBeGreaterThanOrEqual(new Date(coverage?.period?.start ?? "").getTime());
        expect(start, eob.id).toBeLessThanOrEqual(new Date(coverage?.period?.end ?? "").getTime());
      }
    });

    it("marks exactly the claims with denied lines partial", () => {
      const partial = eobs.filter((eob) => eob.outcome === "partial");

      for (const eob of eobs) {
        expect(eob.outcome === "partial", eob.id).toBe(centsOf(eob.total, "noncovered") > 0);
      }
      expect(partial.length).toBeGreaterThan(0);
    });

    it("processes no claim after today", () => {
      for (const eob of eobs) {
        expect(new Date(eob.created).getTime(), eob.id).toBeLessThanOrEqual(today);
      }
    });

    it("codes institutional claims with a subtype and revenue codes", () => {
      const institutional = eobs.filter((eob) => eob.type.coding?.[0]?.code === "institutional");

      expect(institutional.length).toBeGreaterThan(0);
      for (const eob of institutional) {
        expect(eob.subType?.coding?.[0]?.system, eob.id).toBe("http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType");
        expect((eob.item ?? []).every((item) => item.revenue?.coding?.[0]?.code), eob.id).toBe(true);
      }
    });
  });

  describe("care gaps", () => {
    let patients: Patient[];
    let procedures: Procedure[];

    beforeAll(() => {
      patients = ofType<Patient>(data, "Patient");
      procedures = ofType<Procedure>(data, "Procedure");
    });

    const lastProcedureDaysAgo = (patient: Patient, snomed: string): number =>
      Math.min(
        ...procedures
          .filter((procedure) => procedure.subject.reference === `Patient/${patient.id ?? ""}` && procedure.code?.coding?.some((coding) => coding.code === snomed))
          .map((procedure) => daysAgo(procedure.performedDateTime)),
      );

    it("has women 50 to 74 with and without a mammogram in 27 months", () => {
      const women = patients.filter((patient) => patient.gender === "female" && ageOf(patient) >= 50 && ageOf(patient) <= 74);
      const upToDate = women.filter((patient) => lastProcedureDaysAgo(patient, "24623002") <= 27 * 30.44);

      expect(upToDate.length).toBeGreaterThan(0);
      expect(women.length - upToDate.length).toBeGreaterThan(0);
    });

    it("has adults 45 to 75 with and without a colonoscopy in 10 years", () => {
      const adults = patients.filter((patient) => ageOf(patient) >= 45 && ageOf(patient) <= 75);
      const upToDate = adults.filter((patient) => lastProcedureDaysAgo(patient, "73761001") <= 3_652);

      expect(upToDate.length).toBeGreaterThan(0);
      expect(adults.length - upToDate.length).toBeGreaterThan(0);
    });

    it("has diabetics with and without an HbA1c in 12 months", () => {
      const diabetics = new Set(
        ofType<Condition>(data, "Condition")
          .filter((condition) => condition.code?.coding?.some((coding) => coding.code === "E11.9"))
          .map((condition) => condition.subject.reference),
      );
      const tested = new Set(
        ofType<Observation>(data, "Observation")
          .filter((observation) => observation.code.coding?.[0]?.code === "4548-4" && daysAgo(observation.effectiveDateTime) <= 365)
          .map((observation) => observation.subject?.reference),
      );

      expect([...diabetics].filter((patient) => tested.has(patient)).length).toBeGreaterThan(0);
      expect([...diabetics].filter((patient) => !tested.has(patient)).length).toBeGreaterThan(0);
    });
  });

  describe("accounts", () => {
    it("links member accounts to existing patients", () => {
      const patientIds = new Set(ofType<Patient>(data, "Patient").map((patient) => patient.id));
      const members = data.accounts.filter((account) => account.role === "member");

      expect(members.map((account) => account.email)).toEqual([
        "member@lakeview.example",
        "dependent@lakeview.example",
        "teen@lakeview.example",
        "member2@lakeview.example",
      ]);
      for (const account of members) {
        expect(patientIds.has(account.patientId), account.email).toBe(true);
      }
    });

    it("makes the dependent account the subscriber's spouse", () => {
      const coverages = ofType<Coverage>(data, "Coverage");
      const coverageOf = (email: string): Coverage | undefined => {
        const patientId = data.accounts.find((account) => account.email === email)?.patientId;
        return coverages.find((coverage) => coverage.beneficiary.reference === `Patient/${patientId ?? ""}`);
      };

      expect(coverageOf("member@lakeview.example")?.relationship?.coding?.[0]?.code).toBe("self");
      expect(coverageOf("dependent@lakeview.example")?.relationship?.coding?.[0]?.code).toBe("spouse");
      expect(coverageOf("dependent@lakeview.example")?.subscriberId).toBe(coverageOf("member@lakeview.example")?.subscriberId);
      expect(coverageOf("member2@lakeview.example")?.subscriberId).not.toBe(coverageOf("member@lakeview.example")?.subscriberId);
    });

    it("gives the care manager about half the members", () => {
      const patientIds = new Set(ofType<Patient>(data, "Patient").map((patient) => patient.id));
      const panel = data.accounts.find((account) => account.role === "care_manager")?.panelPatientIds ?? [];

      expect(panel).toHaveLength(13);
      expect(panel.every((id) => patientIds.has(id))).toBe(true);
    });

    it("uses unique emails and passwords of 12 or more characters", () => {
      const emails = data.accounts.map((account) => account.email);

      expect(new Set(emails).size).toBe(emails.length);
      for (const account of data.accounts) {
        expect(account.password.length, account.email).toBeGreaterThanOrEqual(12);
      }
      expect(data.accounts.filter((account) => account.role === "admin")).toHaveLength(1);
    });
  });

  describe("options", () => {
    it.each([
      [{ members: 0, seed: 1 }, /members must be an integer from 1/],
      [{ members: 2.5, seed: 1 }, /members must be an integer from 1/],
      [{ members: 5, seed: Number.NaN }, /seed must be a safe integer/],
      [{ members: 5, seed: 1, today: new Date("not a date") }, /today is an invalid Date/],
    ])("rejects %o", (options, message) => {
      expect(() => generateDemoData(options)).toThrow(message);
    });
  });
});
