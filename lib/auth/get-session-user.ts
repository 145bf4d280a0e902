import "server-only";

import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";

import { getDatabase } from "../db/get-database";
import { decodeSessionToken } from "./decode-session-token";
import { getTokenUser } from "./get-token-user";
import { readAuthSecret } from "./read-auth-secret";
import type { SessionUser } from "./session-user";

/**
 * Returns the signed-in user, or null. The session cookie only names the account and its sign-in
 * time: name, role and patientId are read from the database on every request, so a deleted
 * account, a changed role or a sign-out on any device takes effect at once. Cached per request,
 * so layout and page share one lookup. A database failure is thrown, not read as signed out.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Every page depends on who is signed in, so none may be prerendered at build time, when
  // NEXTAUTH_SECRET and the database need not exist.
  await connection();

  const token = await getToken({ req: await toCookieOnlyRequest(), secret: readAuthSecret(), decode: decodeSessionToken });
  if (!token) {
    return null;
  }

  return getTokenUser(await getDatabase(), token);
});

// getToken reads the session cookie from a request object, which a server component lacks. This
// one carries the cookies and no headers, because getToken would also accept a token sent as a
// bearer Authorization header, and pages take sessions from the cookie alone. getToken reads
// `cookies.getAll()` and `headers.authorization` only, so no full NextRequest is built.
async function toCookieOnlyRequest(): Promise<Parameters<typeof getToken>[0]["req"]> {
  const request = { cookies: await cookies(), headers: {} };
  return request as unknown as Parameters<typeof getToken>[0]["req"];
}
