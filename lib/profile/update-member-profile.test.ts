import type { Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { parseProfileForm } from "./parse-profile-form";
import type { ProfileFormValues } from "./profile-form-schema";
import { toProfileView } from "./to-profile-view";
import { updateMemberProfile } from "./update-member-profile";

let db: Database;
let store: FhirStore;

beforeAll(async () => {
  db = await openTestDatabase();
  store = new FhirStore(db);
});

afterAll(async () => {
  await db.close();
});

async function storePatient(id: string): Promise<void> {
  const patient = {
    resourceType: "Patient",
    id,
    name: [{ family: "Nguyen", given: ["Bao"] }],
    telecom: [{ system: "phone", value: "(602) 555-0110" }],
    address: [{ use: "home", line: ["5 Palo Verde Ln"], city: "Phoenix", state: "AZ", postalCode: "85016" }],
  } satisfies Patient;
  await store.update(patient);
}

async function loadForm(id: string): Promise<ProfileFormValues> {
  const view = toProfileView(await store.read("Patient", id));
  const form = new FormData();
  for (const [name, value] of Object.entries(view)) {
    if (value !== false) form.set(name, value === true ? "on" : value);
  }

  const parsed = parseProfileForm(form);
  if (!parsed.ok) throw new Error(`the loaded profile does not validate: ${JSON.stringify(parsed.errors)}`);
  return parsed.values;
}

describe("updateMemberProfile", () => {
  it("writes a new Patient version", async () => {
    await storePatient("profile-save");
    const form = await loadForm("profile-save");

    const result = await updateMemberProfile(store, "profile-save", { ...form, city: "Tempe", postalCode: "85281" });

    expect(result).toEqual({ kind: "saved", version: "2" });
    const stored = await store.read("Patient", "profile-save");
    expect(stored.address?.[0]?.city).toBe("Tempe");
    expect(stored.meta?.versionId).toBe("2");
  });

  it("rejects update with stale version", async () => {
    await storePatient("profile-stale");
    const firstTab = await loadForm("profile-stale");
    const secondTab = await loadForm("profile-stale");

    const first = await updateMemberProfile(store, "profile-stale", { ...firstTab, city: "Mesa" });
    const second = await updateMemberProfile(store, "profile-stale", { ...secondTab, city: "Glendale" });

    expect(first.kind).toBe("saved");
    expect(second).toEqual({ kind: "conflict" });
    const stored = await store.read("Patient", "profile-stale");
    expect(stored.address?.[0]?.city).toBe("Mesa");
    expect(stored.meta?.versionId).toBe("2");
  });

  it("rejects two saves racing from one version", async () => {
    await storePatient("profile-race");
    const form = await loadForm("profile-race");

    const results = await Promise.all([
      updateMemberProfile(store, "profile-race", { ...form, city: "Mesa" }),
      updateMemberProfile(store, "profile-race", { ...form, city: "Glendale" }),
    ]);

    expect(results.map((result) => result.kind).sort()).toEqual(["conflict", "saved"]);
    const history = await store.history("Patient", "profile-race");
    expect(history.total).toBe(2);
  });

  it("reports a patient that is not stored", async () => {
    const form = await loadForm("profile-save");

    expect(await updateMemberProfile(store, "no-such-patient", form)).toEqual({ kind: "no-patient" });
  });
});
