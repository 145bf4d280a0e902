import type { ContactPoint, Patient, PatientCommunication } from "fhir/r4";

import { carinProfiles, codeSystems } from "./code-systems";
import { toFhirDate } from "./demo-calendar";
import type { DemoFamily, DemoMember, LanguageKind } from "./demo-member";

const languageNames: Record<LanguageKind, string> = { es: "Spanish", vi: "Vietnamese", nv: "Navajo", zh: "Chinese" };

/** Builds a member's Patient with the plan member id, home address and contact points. */
export function buildPatient(member: DemoMember, family: DemoFamily, lastUpdated: string): Patient {
  const telecom: ContactPoint[] = [{ system: "phone", value: family.homePhone, use: "home" }];
  if (member.mobilePhone) telecom.push({ system: "phone", value: member.mobilePhone, use: "mobile", rank: 1 });
  if (member.email) telecom.push({ system: "email", value: member.email, use: "home" });

  return {
    resourceType: "Patient",
    id: member.patientId,
    meta: { lastUpdated, profile: [carinProfiles.patient] },
    identifier: [
      {
        type: { coding: [{ system: codeSystems.v2IdentifierType, code: "MB", display: "Member Number" }] },
        system: codeSystems.memberId,
        value: member.memberId,
      },
    ],
    active: true,
    name: [{ use: "official", family: member.name.family, given: member.name.given }],
    telecom,
    gender: member.gender,
    birthDate: toFhirDate(member.birthDay),
    address: [family.address],
    ...(member.relationship !== "child" && {
      maritalStatus: {
        coding: [
          member.relationship === "spouse" || family.members.some((other) => other.relationship === "spouse")
            ? { system: codeSystems.v3MaritalStatus, code: "M", display: "Married" }
            : { system: codeSystems.v3MaritalStatus, code: "S", display: "Never Married" },
        ],
      },
    }),
    ...(member.language && { communication: [communicationIn(member.language)] }),
  };
}

function communicationIn(language: LanguageKind): PatientCommunication {
  return {
    language: { coding: [{ system: codeSystems.language, code: language, display: languageNames[language] }], text: languageNames[language] },
    preferred: true,
  };
}
