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
import { readClientIp } from "./read-client-ip";
import { revokeSessions } from "./revoke-sessions";
import { sessionMaxAgeSeconds } from "./session-max-age";
import type { SessionUser } from "./session-user";
import { signInUnavailableCode, toSignInThrottledCode } from "./sign-in-error-code";
import { SignInThrottle } from "./sign-in-throttle";
import { verifyCredentials } from "./verify-credentials";

/** The sign-in throttle with the default limits. Its counts are in the database, shared by every process. */
const defaultSignInThrottle = new SignInThrottle();

/**
 * Builds next-auth's options: email and password sign-in, sessions kept in a signed, encrypted
 * JWT cookie (no session table). The token carries the user id, role, patientId and sign-in time
 * (`auth_time`). Every session check reloads the account, so a deleted account, a sign-out on
 * another device or a changed role takes effect at once. Reads NEXTAUTH_SECRET on each call, so
 * `next build` can load the route without it. Sign-in attempts are limited per email and per
 * client IP address by `throttle`. Tests pass their own `loadDatabase` and `throttle`.
 */
export function getAuthOptions(
  loadDatabase: () => Promise<Database> = getDatabase,
  throttle: SignInThrottle = defaultSignInThrottle,
): AuthOptions {
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
        authorize: async (credentials, request) =>
          authorize(loadDatabase, throttle, { email: credentials?.email, password: credentials?.password, ip: readClientIp(request.headers) }),
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

interface SignInRequest {
  email: string | undefined;
  password: string | undefined;
  ip: string | null;
}

/**
 * Checks one sign-in. The throttle admits the attempt before the password is checked, counting it
 * as a failure up front, so concurrent attempts cannot pass the limit. A locked email or IP
 * address is rejected with a code that carries the minutes left. A wrong password or unknown email
 * stays counted, and a correct one takes its count back.
 */
async function authorize(
  loadDatabase: () => Promise<Database>,
  throttle: SignInThrottle,
  { email, password, ip }: SignInRequest,
): Promise<SessionUser | null> {
  if (!email || !password) {
    return null;
  }

  const attempt = { email, ip };
  const db = await withSignInDatabase("open database", loadDatabase);
  const decision = await withSignInDatabase("admit sign-in", () => throttle.admit(db, attempt));
  if (!decision.allowed) {
    logger.warn({ ip, retryAfterMs: decision.retryAfterMs }, "sign-in locked out after too many failed attempts");
    throw new Error(toSignInThrottledCode(decision.retryAfterMs));
  }

  const startedAt = performance.now();
  const user = await withSignInDatabase("verify credentials", () => verifyCredentials(db, email, password));
  const durationMs = Math.round(performance.now() - startedAt);

  if (!user) {
    logger.info({ durationMs }, "sign-in rejected");
    return null;
  }
  await withSignInDatabase("record success", () => throttle.recordSuccess(db, attempt, decision));
  logger.info({ userId: user.id, role: user.role, durationMs }, "sign-in succeeded");
  return user;
}

/**
 * Runs one database step of a sign-in. A failure is logged with the step and ends the sign-in as
 * signInUnavailableCode, so an attempt never skips the throttle because the database failed.
 */
async function withSignInDatabase<T>(step: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    logger.error({ step, ...toErrorFields(error) }, "sign-in failed to reach the database");
    throw new Error(signInUnavailableCode);
  }
}
