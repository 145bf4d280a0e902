import type { Extension, Patient } from "fhir/r4";

import { primaryAddressIndex, primaryTelecomIndex } from "./primary-contact-points";
import { contactMethods, languageOptions, languageSystem, preferenceExtensionUrls, type ContactMethod, type LanguageCode } from "./profile-preferences";
import type { ProfileView } from "./profile-view";

/**
 * Maps a Patient to the profile form's values. A member without a recorded preferred language
 * sees English, and one without a contact method sees "mail" when they have no phone or email
 * and "phone" otherwise, so the form always opens with a valid choice.
 */
export function toProfileView(patient: Patient): ProfileView {
  const telecom = patient.telecom ?? [];
  const addresses = patient.address ?? [];
  const phone = telecom[primaryTelecomIndex(telecom, "phone")]?.value ?? "";
  const email = telecom[primaryTelecomIndex(telecom, "email")]?.value ?? "";
  const address = addresses[primaryAddressIndex(addresses)];

  return {
    version: patient.meta?.versionId ?? "",
    phone,
    email,
    line1: address?.line?.[0] ?? "",
    line2: address?.line?.slice(1).join(", ") ?? "",
    city: address?.city ?? "",
    state: address?.state ?? "",
    postalCode: address?.postalCode ?? "",
    language: preferredLanguageOf(patient) ?? "en",
    contactMethod: contactMethodOf(patient.extension) ?? defaultContactMethod(phone, email),
    paperless: extensionOf(patient.extension, preferenceExtensionUrls.paperlessStatements)?.valueBoolean === true,
  };
}

function preferredLanguageOf(patient: Patient): LanguageCode | null {
  const preferred = (patient.communication ?? []).find((entry) => entry.preferred === true);
  const code = preferred?.language.coding?.find((coding) => coding.system === languageSystem)?.code;
  return languageOptions.find((option) => option.code === code)?.code ?? null;
}

function contactMethodOf(extensions: Extension[] | undefined): ContactMethod | null {
  const code = extensionOf(extensions, preferenceExtensionUrls.contactMethod)?.valueCode;
  return contactMethods.find((method) => method === code) ?? null;
}

function defaultContactMethod(phone: string, email: string): ContactMethod {
  if (phone !== "") return "phone";
  return email !== "" ? "email" : "mail";
}

function extensionOf(extensions: Extension[] | undefined, url: string): Extension | undefined {
  return extensions?.find((extension) => extension.url === url);
}
