import type { CareSite, PractitionerInfo } from "./build-provider-directory";
import type { CareTeamEntry, ClaimDraft } from "./claim-draft";
import { claimTiming } from "./claim-draft";
import type { MemberChart } from "./member-chart";

/** The parts of a claim draft that a recorder decides; ids and processing dates are filled in. */
export type ClaimSpec = Omit<ClaimDraft, "id" | "member" | "billing" | "receivedDay" | "processedDay" | "processedMinute"> & {
  billing: CareSite;
};

/** Adds a claim draft to the chart, timed to be received and processed after its last service day. */
export function addClaim(chart: MemberChart, spec: ClaimSpec): void {
  chart.claims.push({
    ...spec,
    id: chart.nextId("eob"),
    member: chart.member,
    billing: { organizationId: spec.billing.organizationId, name: spec.billing.name },
    ...claimTiming(chart.prng, spec.endDay, chart.clock.lastDay),
  });
}

/** Returns a care team entry for a clinician. */
export function clinicianOnClaim(practitioner: PractitionerInfo, role: CareTeamEntry["role"]): CareTeamEntry {
  return { reference: `Practitioner/${practitioner.id}`, display: practitioner.display, role, practitioner };
}

/** Returns a care team entry for an organization that renders the service itself, such as a lab. */
export function organizationOnClaim(site: CareSite, role: CareTeamEntry["role"]): CareTeamEntry {
  return { reference: `Organization/${site.organizationId}`, display: site.name, role, practitioner: null };
}
