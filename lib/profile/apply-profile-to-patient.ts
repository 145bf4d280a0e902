import type { Address, ContactPoint, Extension, Patient, PatientCommunication } from "fhir/r4";

import { primaryAddressIndex, primaryTelecomIndex } from "./primary-contact-points";
import type { ProfileFormValues } from "./profile-form-schema";
import { languageOptions, languageSystem, preferenceExtensionUrls, type LanguageCode } from "./profile-preferences";

/**
 * Returns a copy of the Patient with the profile form's values applied. Only what the form shows
 * changes: the primary phone, the primary email, the home address's street, city, state and ZIP,
 * which language is preferred, and Lakeview's two preference extensions. Other contact points,
 * addresses, languages and extensions are kept as they were. An emptied phone or email removes
 * that contact point. `meta` is left for the store to set.
 */
export function applyProfileToPatient(patient: Patient, values: ProfileFormValues): Patient {
  let telecom = setTelecom(patient.telecom ?? [], "phone", values.phone);
  telecom = setTelecom(telecom, "email", values.email);

  return {
    ...patient,
    telecom,
    address: setAddress(patient.address ?? [], values),
    communication: setPreferredLanguage(patient.communication ?? [], values.language),
    extension: setPreferences(patient.extension ?? [], values),
  };
}

function setTelecom(telecom: readonly ContactPoint[], system: "phone" | "email", value: string): ContactPoint[] {
  const index = primaryTelecomIndex(telecom, system);
  if (index === -1) {
    return value === "" ? [...telecom] : [...telecom, { system, value }];
  }
  if (value === "") {
    return telecom.filter((_, position) => position !== index);
  }
  return telecom.map((point, position) => (position === index ? { ...point, value } : point));
}

function setAddress(addresses: readonly Address[], values: ProfileFormValues): Address[] {
  const line = values.line2 === "" ? [values.line1] : [values.line1, values.line2];
  const fields = { line, city: values.city, state: values.state, postalCode: values.postalCode };
  const index = primaryAddressIndex(addresses);
  if (index === -1) {
    return [...addresses, { use: "home", ...fields, country: "US" }];
  }

  // The free-text form would still show the old address, so it goes with the change.
  return addresses.map((address, position) => {
    if (position !== index) return address;
    const updated: Address = { ...address, ...fields };
    delete updated.text;
    return updated;
  });
}

function setPreferredLanguage(communication: readonly PatientCommunication[], code: LanguageCode): PatientCommunication[] {
  const isChosen = (entry: PatientCommunication): boolean =>
    entry.language.coding?.some((coding) => coding.system === languageSystem && coding.code === code) === true;

  const updated = communication.map((entry) => ({ ...entry, preferred: isChosen(entry) }));
  if (updated.some((entry) => entry.preferred)) {
    return updated;
  }
  const display = languageOptions.find((option) => option.code === code)?.display ?? code;
  return [...updated, { language: { coding: [{ system: languageSystem, code, display }], text: display }, preferred: true }];
}

function setPreferences(extensions: readonly Extension[], values: ProfileFormValues): Extension[] {
  const lakeviewUrls: readonly string[] = Object.values(preferenceExtensionUrls);
  return [
    ...extensions.filter((extension) => !lakeviewUrls.includes(extension.url)),
    { url: preferenceExtensionUrls.contactMethod, valueCode: values.contactMethod },
    { url: preferenceExtensionUrls.paperlessStatements, valueBoolean: values.paperless },
  ];
}
