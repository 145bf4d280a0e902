import type { Address, FhirResource, Location, Organization, Practitioner } from "fhir/r4";

import { buildPayerOrganization } from "./build-payer-organization";
import { carinProfiles, codeSystems } from "./code-systems";
import { createNpi } from "./create-npi";
import type { PractitionerSeed, SiteRole, SiteSeed, Specialty } from "./provider-catalog";
import { providerSites, specialties } from "./provider-catalog";

/** A clinician as other builders reference it. */
export interface PractitionerInfo {
  id: string;
  display: string;
  specialty: Specialty;
}

/** A provider organization with its location and clinicians, as other builders reference it. */
export interface CareSite {
  organizationId: string;
  name: string;
  locationId: string;
  practitioners: readonly PractitionerInfo[];
}

/** The providers every member shares, plus the FHIR resources that describe them. */
export interface ProviderDirectory {
  resources: FhirResource[];
  primaryCare: readonly CareSite[];
  pediatrics: CareSite;
  hospital: CareSite;
  endoscopy: CareSite;
  pharmacy: CareSite;
  laboratory: CareSite;
  emergencyPhysician: PractitionerInfo;
  hospitalist: PractitionerInfo;
  radiologist: PractitionerInfo;
  gastroenterologist: PractitionerInfo;
}

/** Builds the payer, provider Organizations, Locations and Practitioners from the static catalog. */
export function buildProviderDirectory(lastUpdated: string): ProviderDirectory {
  const resources: FhirResource[] = [buildPayerOrganization(lastUpdated)];
  const sites = new Map<SiteRole, CareSite[]>();

  for (const seed of providerSites) {
    resources.push(toOrganization(seed, lastUpdated), toLocation(seed));
    for (const practitioner of seed.practitioners) {
      resources.push(toPractitioner(practitioner, lastUpdated));
    }
    sites.set(seed.role, [...(sites.get(seed.role) ?? []), toCareSite(seed)]);
  }

  const only = (role: SiteRole): CareSite => firstOf(sites.get(role), role);
  const hospital = only("hospital");
  const endoscopy = only("endoscopy");
  return {
    resources,
    primaryCare: sites.get("primary-care") ?? [],
    pediatrics: only("pediatrics"),
    hospital,
    endoscopy,
    pharmacy: only("pharmacy"),
    laboratory: only("laboratory"),
    emergencyPhysician: findBySpecialty(hospital, specialties.emergency),
    hospitalist: findBySpecialty(hospital, specialties.hospitalist),
    radiologist: findBySpecialty(hospital, specialties.radiology),
    gastroenterologist: findBySpecialty(endoscopy, specialties.gastroenterology),
  };
}

function toCareSite(seed: SiteSeed): CareSite {
  return {
    organizationId: organizationIdOf(seed),
    name: seed.name,
    locationId: `demo-loc-${seed.key}`,
    practitioners: seed.practitioners.map((practitioner) => ({
      id: practitionerIdOf(practitioner),
      display: `${practitioner.prefix} ${practitioner.given.join(" ")} ${practitioner.family}`,
      specialty: practitioner.specialty,
    })),
  };
}

function toOrganization(seed: SiteSeed, lastUpdated: string): Organization {
  return {
    resourceType: "Organization",
    id: organizationIdOf(seed),
    meta: { lastUpdated, profile: [carinProfiles.organization] },
    identifier: [
      { type: { coding: [{ system: codeSystems.v2IdentifierType, code: "NPI" }] }, system: codeSystems.npi, value: createNpi(seed.npiBase) },
      { type: { coding: [{ system: codeSystems.v2IdentifierType, code: "TAX" }] }, system: codeSystems.taxId, value: seed.taxId },
    ],
    active: true,
    type: [{ coding: [{ system: codeSystems.organizationType, code: "prov", display: "Healthcare Provider" }] }],
    name: seed.name,
    telecom: [{ system: "phone", value: seed.phone, use: "work" }],
    address: [addressOf(seed)],
  };
}

function toLocation(seed: SiteSeed): Location {
  return {
    resourceType: "Location",
    id: `demo-loc-${seed.key}`,
    status: "active",
    name: seed.name,
    mode: "instance",
    ...(seed.locationType && { type: [{ coding: [{ system: codeSystems.v3RoleCode, ...seed.locationType }] }] }),
    telecom: [{ system: "phone", value: seed.phone, use: "work" }],
    address: addressOf(seed),
    physicalType: { coding: [{ system: codeSystems.locationPhysicalType, code: "bu", display: "Building" }] },
    managingOrganization: { reference: `Organization/${organizationIdOf(seed)}`, display: seed.name },
  };
}

function toPractitioner(seed: PractitionerSeed, lastUpdated: string): Practitioner {
  return {
    resourceType: "Practitioner",
    id: practitionerIdOf(seed),
    meta: { lastUpdated, profile: [carinProfiles.practitioner] },
    identifier: [
      { type: { coding: [{ system: codeSystems.v2IdentifierType, code: "NPI" }] }, system: codeSystems.npi, value: createNpi(seed.npiBase) },
    ],
    active: true,
    name: [{ use: "official", prefix: [seed.prefix], given: seed.given, family: seed.family, suffix: [seed.suffix] }],
    gender: seed.gender,
    qualification: [{ code: { coding: [{ system: codeSystems.nucc, code: seed.specialty.nucc, display: seed.specialty.display }] } }],
  };
}

function addressOf(seed: SiteSeed): Address {
  return { use: "work", line: [seed.line], city: seed.city, state: "AZ", postalCode: seed.postalCode, country: "US" };
}

function organizationIdOf(seed: SiteSeed): string {
  return `demo-org-${seed.key}`;
}

function practitionerIdOf(seed: PractitionerSeed): string {
  return `demo-prac-${seed.key}`;
}

function firstOf(list: readonly CareSite[] | undefined, role: SiteRole): CareSite {
  const site = list?.[0];
  if (!site) {
    throw new Error(`The provider catalog has no site with role "${role}"; add one to providerSites.`);
  }
  return site;
}

function findBySpecialty(site: CareSite, specialty: Specialty): PractitionerInfo {
  const found = site.practitioners.find((practitioner) => practitioner.specialty.nucc === specialty.nucc);
  if (!found) {
    throw new Error(`${site.name} has no ${specialty.display} in the provider catalog; add one to providerSites.`);
  }
  return found;
}
