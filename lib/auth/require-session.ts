import "server-only";

import { redirect } from "next/navigation";

import type { Role } from "../db/generated/enums";
import { getSessionUser } from "./get-session-user";
import type { SessionUser } from "./session-user";

/** Path of the page that explains to a signed-in user that a page is not for their role. */
export const forbiddenPath = "/forbidden";

/** Returns the signed-in user; redirects to /sign-in when no user is signed in. */
export async function requireSession(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    redirect("/sign-in");
  }
  return user;
}

/**
 * Returns the signed-in user when their role is one of `roles`. Redirects to /sign-in when no user
 * is signed in, and to the forbidden page for any other role.
 */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireSession();
  if (!roles.includes(user.role)) {
    // NOTE: the browser gets a 307 redirect and then a 200 page, not a 403. Next's forbidden()
    // sends a real 403 but needs `experimental.authInterrupts` in next.config.ts.
    redirect(forbiddenPath);
  }
  return user;
}

/** Returns the signed-in member; staff accounts go to the forbidden page. */
export async function requireMember(): Promise<SessionUser & { role: "member" }> {
  const user = await requireRole("member");
  return { ...user, role: "member" };
}
