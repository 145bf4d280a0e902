import "server-only";

import { getServerSession } from "next-auth";
import { connection } from "next/server";
import { cache } from "react";

import { getDatabase } from "../db/get-database";
import { getAuthOptions } from "./get-auth-options";
import type { SessionUser } from "./session-user";

/**
 * Returns the signed-in user, or null. The session cookie only names the account: its role, name
 * and patientId are read from the database on every request, so a removed account or a changed
 * role takes effect at once. Cached per request, so layout and page share one lookup.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Every page depends on who is signed in, so none may be prerendered at build time, when
  // NEXTAUTH_SECRET and the database need not exist.
  await connection();

  const session = await getServerSession(getAuthOptions());
  const userId = session?.user?.id;
  if (!userId) {
    return null;
  }

  const db = await getDatabase();
  const user = await db.prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, role: true, patientId: true },
  });
  return user;
});
