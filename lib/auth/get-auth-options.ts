import type { AuthOptions, Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";

import type { Database } from "../db/database";
import { getDatabase } from "../db/get-database";
import { logger } from "../log/logger";
import { toErrorFields } from "../log/to-error-fields";
import { toAuthTime } from "./auth-time";
import { getTokenUser } from "./get-token-user";
import { readAuthSecret } from "./read-auth-secret";
import { revokeSessions } from "./revoke-sessions";
import type { SessionUser } from "./session-user";
import { signInUnavailableCode } from "./sign-in-error-code";
import { verifyCredentials } from "./verify-credentials";

/** Session lifetime in seconds: one working day, so a shared computer does not stay signed in for weeks. */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

/**
 * Builds next-auth's options: email and password sign-in, sessions kept in a signed, encrypted
 * JWT cookie (no session table). The token carries the user id, role, patientId and sign-in time
 * (`auth_time`). Every session check reloads the account, so a deleted account, a sign-out on
 * another device or a changed role takes effect at once. Reads NEXTAUTH_SECRET on each call, so
 * `next build` can load the route without it. Tests pass their own `loadDatabase`.
 */
export function getAuthOptions(loadDatabase: () => Promise<Database> = getDatabase): AuthOptions {
  return {
    secret: readAuthSecret(),
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/sign-in", signOut: "/sign-out", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: async (credentials) => authorize(loadDatabase, credentials?.email, credentials?.password),
      }),
    ],
    callbacks: {
      jwt: async ({ token, user }) => (user ? toSignedInToken(token, user) : reloadToken(await loadDatabase(), token)),
      session: ({ session, token }) => toSession(session, token),
    },
    events: {
      // A JWT session has no row on the server, so sign-out is recorded on the account. It ends
      // every session of that account, on every device, not only the one that signs out.
      signOut: async ({ token }) => recordSignOut(await loadDatabase(), token),
    },
    logger: {
      // next-auth's metadata can hold the request or a thrown error, so only the code and the
      // error's name and code are logged, never its message.
      error: (code, metadata) => logger.error({ code, ...(metadata instanceof Error ? toErrorFields(metadata) : {}) }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => undefined,
    },
  };
}

function toSignedInToken(token: JWT, user: User): JWT {
  return { ...token, sub: user.id, role: user.role, patientId: user.patientId, auth_time: toAuthTime(new Date()) };
}

/**
 * Refreshes the token from the stored account. A token whose account is gone or signed out
 * becomes an empty token, so the cookie next-auth writes back names no account.
 */
async function reloadToken(db: Database, token: JWT): Promise<JWT> {
  const user = await getTokenUser(db, token);
  if (!user) {
    return {};
  }
  return { ...token, name: user.name, role: user.role, patientId: user.patientId };
}

/**
 * Builds the session that /api/auth/session returns from the token the jwt callback has just
 * reloaded (next-auth v4 runs it right before this one). Without an account the session is empty:
 * next-auth's getServerSession and the browser's getSession both read `{}` as signed out.
 */
function toSession(session: Session, token: JWT): Session {
  if (!token.sub || !token.role) {
    // next-auth's Session type has no signed-out value, so the empty object needs a cast.
    return {} as Session;
  }
  return { expires: session.expires, user: { id: token.sub, name: token.name ?? "", role: token.role, patientId: token.patientId ?? null } };
}

async function recordSignOut(db: Database, token: JWT | null): Promise<void> {
  // An old cookie that is already rejected must not end the sessions signed in since, or anyone
  // who kept one could sign the member out at will.
  const user = await getTokenUser(db, token);
  if (!user) {
    return;
  }
  await revokeSessions(db, user.id);
  logger.info({ userId: user.id }, "sign-out ended the account's sessions");
}

// NOTE: nothing limits how often one address or one email may try a password. Add a rate limiter
// per IP address and per email before the portal faces the internet.
async function authorize(
  loadDatabase: () => Promise<Database>,
  email: string | undefined,
  password: string | undefined,
): Promise<SessionUser | null> {
  if (!email || !password) {
    return null;
  }
  const startedAt = performance.now();

  let user: SessionUser | null;
  try {
    user = await verifyCredentials(await loadDatabase(), email, password);
  } catch (error) {
    logger.error(toErrorFields(error), "sign-in failed to reach the database");
    throw new Error(signInUnavailableCode);
  }

  const durationMs = Math.round(performance.now() - startedAt);
  if (!user) {
    logger.info({ durationMs }, "sign-in rejected");
    return null;
  }
  logger.info({ userId: user.id, role: user.role, durationMs }, "sign-in succeeded");
  return user;
}
