import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { getDatabase } from "../db/get-database";
import { logger } from "../log/logger";
import { toErrorFields } from "../log/to-error-fields";
import { readAuthSecret } from "./read-auth-secret";
import type { SessionUser } from "./session-user";
import { signInUnavailableCode } from "./sign-in-error-code";
import { verifyCredentials } from "./verify-credentials";

/** Session lifetime in seconds: one working day, so a shared computer does not stay signed in for weeks. */
export const sessionMaxAgeSeconds = 8 * 60 * 60;


/**
 * Builds next-auth's options: email and password sign-in, sessions kept in a signed, encrypted
 * JWT cookie (no session table). The token carries the user id, role and patientId; pages still
 * reload the account on every request through getSessionUser. Reads NEXTAUTH_SECRET on each call,
 * so `next build` can load the route without it.
 */
export function getAuthOptions(): AuthOptions {
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
        authorize: async (credentials) => authorize(credentials?.email, credentials?.password),
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.patientId = user.patientId;
        }
        return token;
      },
      session: ({ session, token }) => {
        if (!token.sub || !token.role) {
          return session;
        }
        session.user = { id: token.sub, name: token.name ?? "", role: token.role, patientId: token.patientId ?? null };
        return session;
      },
    },
    logger: {
      // next-auth's metadata can hold the request or the thrown error, so only its code is logged.
      error: (code) => logger.error({ code }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => undefined,
    },
  };
}

// NOTE: nothing limits how often one address or one email may try a password. Add a rate limiter
// per IP address and per email before the portal faces the internet.
async function authorize(email: string | undefined, password: string | undefined): Promise<SessionUser | null> {
  if (!email || !password) {
    return null;
  }
  const startedAt = performance.now();

  let user: SessionUser | null;
  try {
    user = await verifyCredentials(await getDatabase(), email, password);
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
