import "server-only";

import { redirect } from "next/navigation";

import type { Capability } from "../access/capability";
import { decideAccess } from "../access/decide-access";
import { toSessionActor } from "../access/to-session-actor";
import type { Role } from "../db/generated/enums";
import { getSessionUser } from "./get-session-user";
import type { SessionUser } from "./session-user";

/** Path of the page that explains to a signed-in user that a page is not for their role. */
export const forbiddenPath = "/forbidden";

/** The portal area each role's pages belong to; requireRole asks the access policy for it. */
const roleCapabilities: Record<Role, Capability> = {
  member: "member.portal",
  care_manager: "care.worklist",
  admin: "admin.console",
};

/** Returns the signed-in user; redirects to /sign-in when no user is signed in. */
export async function requireSession(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    redirect("/sign-in");
  }
  return user;
}

/**
 * Returns the signed-in user when the access policy (lib/access) grants them `capability`.
 * Redirects to /sign-in when no user is signed in, and to the forbidden page otherwise.
 */
export async function requireCapability(capability: Capability): Promise<SessionUser> {
  const user = await requireSession();
  if (!decideAccess(toSessionActor(user), { kind: "capability", capability }).allowed) {
    // NOTE: the browser gets a 307 redirect and then a 200 page, not a 403. Next's forbidden()
    // sends a real 403 but needs `experimental.authInterrupts` in next.config.ts.
    redirect(forbiddenPath);
  }
  return user;
}

/**
 * Returns the signed-in user when the access policy grants the portal area of one of `roles`
 * (member.portal, care.worklist, admin.console). Redirects to /sign-in when no user is signed
 * in, and to the forbidden page for any other user.
 */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireSession();
  const actor = toSessionActor(user);
  if (!roles.some((role) => decideAccess(actor, { kind: "capability", capability: roleCapabilities[role] }).allowed)) {
    redirect(forbiddenPath);
  }
  return user;
}

/** Returns the signed-in member; staff accounts go to the forbidden page. */
export async function requireMember(): Promise<SessionUser & { role: "member" }> {
  const user = await requireRole("member");
  return { ...user, role: "member" };
}
