import type { Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { applyProfileToPatient } from "./apply-profile-to-patient";
import type { ProfileFormValues } from "./profile-form-schema";
import { preferenceExtensionUrls } from "./profile-preferences";
import { toProfileView } from "./to-profile-view";

const patient = {
  resourceType: "Patient",
  id: "p-1",
  meta: { versionId: "2" },
  extension: [{ url: "http://example.org/other", valueString: "kept" }],
  name: [{ family: "Rivera", given: ["Ana"] }],
  telecom: [
    { system: "phone", value: "(602) 555-0100", use: "home" },
    { system: "phone", value: "(602) 555-0101", use: "mobile", rank: 1 },
    { system: "email", value: "old@example.org", use: "home" },
  ],
  address: [
    { use: "work", line: ["1 Office Park"], city: "Tempe", state: "AZ", postalCode: "85281" },
    { use: "home", type: "physical", text: "400 Old Rd, Mesa AZ", line: ["400 Old Rd"], city: "Mesa", state: "AZ", postalCode: "85201", country: "US" },
  ],
  communication: [
    { language: { coding: [{ system: "urn:ietf:bcp:47", code: "vi" }] }, preferred: true },
    { language: { coding: [{ system: "urn:ietf:bcp:47", code: "es" }] } },
  ],
} satisfies Patient;

const values: ProfileFormValues = {
  phone: "(480) 555-0199",
  email: "new@example.org",
  line1: "77 E University Dr",
  line2: "",
  city: "Tempe",
  state: "AZ",
  postalCode: "85283",
  language: "es",
  contactMethod: "text",
  paperless: true,
  version: "2",
};

describe("applyProfileToPatient", () => {
  it("changes the primary phone and email only", () => {
    const updated = applyProfileToPatient(patient, values);

    expect(updated.telecom).toEqual([
      { system: "phone", value: "(602) 555-0100", use: "home" },
      { system: "phone", value: "(480) 555-0199", use: "mobile", rank: 1 },
      { system: "email", value: "new@example.org", use: "home" },
    ]);
  });

  it("removes an emptied email", () => {
    const updated = applyProfileToPatient(patient, { ...values, email: "", paperless: false });

    expect(updated.telecom?.filter((point) => point.system === "email")).toEqual([]);
  });

  it("adds a phone to a patient without one", () => {
    const updated = applyProfileToPatient({ resourceType: "Patient", id: "p-2" }, values);

    expect(updated.telecom).toEqual([
      { system: "phone", value: "(480) 555-0199" },
      { system: "email", value: "new@example.org" },
    ]);
  });

  it("rewrites the home address and drops its stale text", () => {
    const updated = applyProfileToPatient(patient, values);

    expect(updated.address).toEqual([
      patient.address[0],
      { use: "home", type: "physical", line: ["77 E University Dr"], city: "Tempe", state: "AZ", postalCode: "85283", country: "US" },
    ]);
  });

  it("marks the chosen language preferred", () => {
    const updated = applyProfileToPatient(patient, values);

    expect(updated.communication?.map((entry) => [entry.language.coding?.[0]?.code, entry.preferred])).toEqual([
      ["vi", false],
      ["es", true],
    ]);
  });

  it("adds a language not yet listed", () => {
    const updated = applyProfileToPatient(patient, { ...values, language: "en" });

    expect(updated.communication?.at(-1)).toEqual({
      language: { coding: [{ system: "urn:ietf:bcp:47", code: "en", display: "English" }], text: "English" },
      preferred: true,
    });
    expect(updated.communication?.filter((entry) => entry.preferred)).toHaveLength(1);
  });

  it("stores preferences as Lakeview extensions", () => {
    const once = applyProfileToPatient(patient, values);
    const twice = applyProfileToPatient(once, { ...values, contactMethod: "mail", paperless: false });

    expect(twice.extension).toEqual([
      { url: "http://example.org/other", valueString: "kept" },
      { url: preferenceExtensionUrls.contactMethod, valueCode: "mail" },
      { url: preferenceExtensionUrls.paperlessStatements, valueBoolean: false },
    ]);
  });

  it("round-trips through the profile view", () => {
    const updated = applyProfileToPatient(patient, { ...values, line2: "Unit 5" });

    expect(toProfileView(updated)).toEqual({ ...values, line2: "Unit 5" });
  });
});

describe("toProfileView", () => {
  it("fills defaults for a bare patient", () => {
    expect(toProfileView({ resourceType: "Patient", meta: { versionId: "1" } })).toEqual({
      version: "1",
      phone: "",
      email: "",
      line1: "",
      line2: "",
      city: "",
      state: "",
      postalCode: "",
      language: "en",
      contactMethod: "mail",
      paperless: false,
    });
  });
});
