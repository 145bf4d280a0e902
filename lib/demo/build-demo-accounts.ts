import type { DemoFamily, DemoMember } from "./demo-member";

/** A sign-in account for the demo. Passwords are public demo values, never real secrets. */
export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  role: "member" | "care_manager" | "admin";
  /** The member's own Patient id (role member). */
  patientId?: string;
  /** Patients the care manager may see (role care_manager). */
  panelPatientIds?: string[];
}

/**
 * Builds the demo sign-ins: the first family's subscriber, spouse and first child of 13 or over
 * (the demo gives children an email from 13 on; this teen's record is private from the
 * subscriber until the teen grants access), the subscriber of the second family, a care
 * manager whose panel is the higher-risk half of all members (at most maxDemoPanelSize), and an
 * admin. A member account is left out when the member count is too small to include its member:
 * the spouse needs at least 2 members, the teen 3 and the second family at least 5.
 */
export function buildDemoAccounts(families: readonly DemoFamily[]): DemoAccount[] {
  const subscriber = families[0]?.members[0];
  const spouse = families[0]?.members.find((member) => member.relationship === "spouse");
  // plan-families.ts gives a child an email exactly when they are 13 or over.
  const teen = families[0]?.members.find((member) => member.relationship === "child" && member.email !== null);
  const secondMember = families[1]?.members[0];
  const accounts: DemoAccount[] = [];

  if (subscriber) accounts.push(memberAccount("member@lakeview.example", "demo-member-2026", subscriber));
  if (spouse) accounts.push(memberAccount("dependent@lakeview.example", "demo-dependent-2026", spouse));
  if (teen) accounts.push(memberAccount("teen@lakeview.example", "demo-teen-2026", teen));
  if (secondMember) accounts.push(memberAccount("member2@lakeview.example", "demo-member2-2026", secondMember));

  accounts.push(
    {
      email: "carol.manager@lakeview.example",
      password: "demo-manager-2026",
      name: "Carol Ann Whitfield-Reyes",
      role: "care_manager",
      panelPatientIds: carePanel(families.flatMap((family) => family.members)),
    },
    { email: "admin@lakeview.example", password: "demo-admin-2026", name: "Dana Okafor", role: "admin" },
  );
  return accounts;
}

function memberAccount(email: string, password: string, member: DemoMember): DemoAccount {
  return { email, password, name: `${member.name.given.join(" ")} ${member.name.family}`, role: "member", patientId: member.patientId };
}

/**
 * Largest demo care panel. Care managers carry a few hundred members each, so a large demo
 * population still gives the one demo care manager a panel of that size.
 */
export const maxDemoPanelSize = 250;

/**
 * Returns the ceil(n/2) members with the most risk (chronic conditions, stays, ER visits), at
 * most maxDemoPanelSize of them, in member order.
 */
function carePanel(members: readonly DemoMember[]): string[] {
  const risk = (member: DemoMember): number =>
    member.profile.chronic.length + (member.profile.inpatientStay ? 2 : 0) + (member.profile.emergencyVisit ? 1 : 0);
  const chosen = [...members]
    .sort((a, b) => risk(b) - risk(a) || a.index - b.index)
    .slice(0, Math.min(Math.ceil(members.length / 2), maxDemoPanelSize));
  return chosen.sort((a, b) => a.index - b.index).map((member) => member.patientId);
}
