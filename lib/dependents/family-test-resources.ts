import type { Coverage, Patient } from "fhir/r4";

/** Builds a test Patient of the Okoro family with one given name and a birth date. */
export function familyPatient(id: string, given: string, birthDate: string): Patient {
  return { resourceType: "Patient", id, name: [{ family: "Okoro", given: [given] }], birthDate };
}

/** Builds an active test Coverage for the 2026 plan year unless another period is given. */
export function familyCoverage(
  id: string,
  subscriberId: string,
  beneficiaryId: string,
  period: Coverage["period"] = { start: "2026-01-01", end: "2026-12-31" },
): Coverage {
  return {
    resourceType: "Coverage",
    id,
    status: "active",
    subscriber: { reference: `Patient/${subscriberId}` },
    beneficiary: { reference: `Patient/${beneficiaryId}` },
    payor: [{ display: "Lakeview Health Plan" }],
    period,
  };
}
