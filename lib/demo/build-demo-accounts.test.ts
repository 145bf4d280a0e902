import type { Coverage, Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { ageInYears } from "../dependents/age-in-years";
import { DEFAULT_DEMO_TODAY } from "./create-demo-clock";
import { DEFAULT_DEMO_SEED, generateDemoData } from "./generate-demo-data";

const data = generateDemoData({ members: 25, seed: DEFAULT_DEMO_SEED });
const patients = new Map(
  data.resources.filter((resource): resource is Patient => resource.resourceType === "Patient").map((patient) => [patient.id, patient]),
);

function ageOfAccount(email: string): number | null {
  const account = data.accounts.find((candidate) => candidate.email === email);
  const patient = account?.patientId === undefined ? undefined : patients.get(account.patientId);
  return ageInYears(patient?.birthDate, DEFAULT_DEMO_TODAY);
}

describe("buildDemoAccounts", () => {
  it("adds the first family's teenager", () => {
    const teen = data.accounts.find((account) => account.email === "teen@lakeview.example");

    expect(teen?.password).toBe("demo-teen-2026");
    expect(teen?.role).toBe("member");
    expect(ageOfAccount("teen@lakeview.example")).toBe(16);
  });

  it("gives the 12-year-old no account", () => {
    const subscriberId = data.accounts.find((account) => account.email === "member@lakeview.example")?.patientId;
    const familyIds = data.resources
      .filter((resource): resource is Coverage => resource.resourceType === "Coverage")
      .filter((coverage) => coverage.subscriber?.reference === `Patient/${subscriberId}`)
      .map((coverage) => coverage.beneficiary.reference?.replace("Patient/", "") ?? "");
    const child = [...new Set(familyIds)].find((id) => ageInYears(patients.get(id)?.birthDate, DEFAULT_DEMO_TODAY) === 12);

    expect(child).toBeDefined();
    expect(data.accounts.map((account) => account.patientId)).not.toContain(child);
  });

  it("keeps the teen out of a two-member population", () => {
    const small = generateDemoData({ members: 2, seed: DEFAULT_DEMO_SEED });

    expect(small.accounts.map((account) => account.email)).not.toContain("teen@lakeview.example");
  });
});
