import type { Organization } from "fhir/r4";

import { carinProfiles, codeSystems } from "./code-systems";

/** Id and name of the health plan that insures every demo member. */
export const payer = { id: "demo-org-payer", name: "Lakeview Health Plan" } as const;

/** Builds the payer Organization. The NAIC company code and payer id are invented. */
export function buildPayerOrganization(lastUpdated: string): Organization {
  return {
    resourceType: "Organization",
    id: payer.id,
    meta: { lastUpdated, profile: [carinProfiles.organization] },
    identifier: [
      {
        type: { coding: [{ system: codeSystems.c4bbIdentifierType, code: "naiccode", display: "NAIC Code" }] },
        system: codeSystems.naic,
        value: "99917",
      },
      {
        type: { coding: [{ system: codeSystems.c4bbIdentifierType, code: "payerid", display: "Payer ID" }] },
        system: codeSystems.payerId,
        value: "LKVW1",
      },
    ],
    active: true,
    type: [{ coding: [{ system: codeSystems.organizationType, code: "pay", display: "Payer" }] }],
    name: payer.name,
    telecom: [
      { system: "phone", value: "(602) 555-0100", use: "work" },
      { system: "url", value: "https://lakeview.example" },
    ],
    address: [{ use: "work", line: ["2200 N Central Ave", "Suite 1400"], city: "Phoenix", state: "AZ", postalCode: "85004", country: "US" }],
  };
}
