import type { Patient } from "fhir/r4";
import NextAuth, { type AuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { createAccount, type Account } from "./create-account";
import { getAuthOptions } from "./get-auth-options";
import { verifyPassword } from "./hash-password";
import { readClientIp } from "./read-client-ip";
import { getTokenUser } from "./get-token-user";
import { signInUnavailableCode } from "./sign-in-error-code";
import { SignInThrottle, type SignInAttempt, type ThrottleDecision } from "./sign-in-throttle";

// Spies on the Argon2 verification, which keeps its real behaviour, so tests can count password checks.
vi.mock("./hash-password", { spy: true });

const secret = "test-secret-of-at-least-32-characters-0123456789";
const password = "a long enough password";
const sessionCookie = "next-auth.session-token";

type CookieJar = Record<string, string>;

interface AuthResponse {
  status: number;
  body: unknown;
  /** The cookies the response sets; a cookie it clears maps to null. */
  cookies: Record<string, string | null>;
}

/**
 * Sends one request through next-auth's request handler, the same code that serves
 * /api/auth/*, with the options under test. The response object records what the handler writes.
 */
async function callAuth(
  options: AuthOptions,
  request: { method: "GET" | "POST"; path: string[]; cookies?: CookieJar; body?: Record<string, string>; headers?: Record<string, string> },
): Promise<AuthResponse> {
  const written: AuthResponse = { status: 200, body: undefined, cookies: {} };
  const headers: Record<string, string | string[]> = {};
  const response = {
    status(code: number) {
      written.status = code;
      return response;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader(name: string, value: string | string[]) {
      headers[name.toLowerCase()] = value;
      return response;
    },
    send(body: unknown) {
      written.body = body;
    },
    json(body: unknown) {
      written.body = body;
    },
    end() {},
  };
  const req = {
    method: request.method,
    query: { nextauth: request.path },
    cookies: request.cookies ?? {},
    headers: { host: "127.0.0.1:3400", ...request.headers },
    body: request.body ?? {},
  };

  await (NextAuth as (req: unknown, res: unknown, options: AuthOptions) => Promise<unknown>)(req, response, options);

  for (const header of [headers["set-cookie"] ?? []].flat()) {
    const pair = header.split(";")[0] ?? "";
    const name = pair.slice(0, pair.indexOf("="));
    const cleared = /max-age=0|expires=thu, 01 jan 1970/i.test(header);
    written.cookies[name] = cleared ? null : decodeURIComponent(pair.slice(name.length + 1));
  }
  return written;
}

/** Applies a response's cookies to a jar, as a browser would. */
function withCookies(jar: CookieJar, response: AuthResponse): CookieJar {
  const next = { ...jar };
  for (const [name, value] of Object.entries(response.cookies)) {
    if (value === null) {
      delete next[name];
    } else {
      next[name] = value;
    }
  }
  return next;
}

async function fetchCsrf(options: AuthOptions, jar: CookieJar): Promise<{ jar: CookieJar; csrfToken: string }> {
  const response = await callAuth(options, { method: "GET", path: ["csrf"], cookies: jar });
  const { csrfToken } = response.body as { csrfToken: string };
  return { jar: withCookies(jar, response), csrfToken };
}

async function signIn(options: AuthOptions, email: string): Promise<CookieJar> {
  const { jar, csrfToken } = await fetchCsrf(options, {});
  const response = await callAuth(options, {
    method: "POST",
    path: ["callback", "credentials"],
    cookies: jar,
    body: { csrfToken, email, password, json: "true" },
  });
  const signedIn = withCookies(jar, response);
  expect(signedIn[sessionCookie], "sign-in sets a session cookie").toBeTruthy();
  return signedIn;
}

/**
 * Posts one sign-in and returns the error code next-auth puts in the redirect URL, or null when
 * the sign-in succeeds.
 */
async function attemptSignIn(options: AuthOptions, email: string, attemptPassword: string, headers: Record<string, string> = {}): Promise<string | null> {
  const { jar, csrfToken } = await fetchCsrf(options, {});
  const response = await callAuth(options, {
    method: "POST",
    path: ["callback", "credentials"],
    cookies: jar,
    body: { csrfToken, email, password: attemptPassword, json: "true" },
    headers,
  });
  const { url } = response.body as { url: string };
  return new URL(url).searchParams.get("error");
}

async function signOut(options: AuthOptions, jar: CookieJar): Promise<CookieJar> {
  const csrf = await fetchCsrf(options, jar);
  const response = await callAuth(options, {
    method: "POST",
    path: ["signout"],
    cookies: csrf.jar,
    body: { csrfToken: csrf.csrfToken, json: "true" },
  });
  return withCookies(csrf.jar, response);
}

function getSession(options: AuthOptions, jar: CookieJar): Promise<AuthResponse> {
  return callAuth(options, { method: "GET", path: ["session"], cookies: jar });
}

/** A throttle whose `limitReached` resolves once it has admitted `limit` attempts. */
class WatchedThrottle extends SignInThrottle {
  readonly limitReached: Promise<void>;
  private admitted = 0;
  private resolveLimitReached: () => void = () => undefined;

  constructor(private readonly limit: number) {
    super();
    this.limitReached = new Promise((resolve) => {
      this.resolveLimitReached = resolve;
    });
  }

  override async admit(db: Database, attempt: SignInAttempt): Promise<ThrottleDecision> {
    const decision = await super.admit(db, attempt);
    if (decision.allowed) {
      this.admitted += 1;
    }
    if (this.admitted >= this.limit) {
      this.resolveLimitReached();
    }
    return decision;
  }
}

async function readValidAfter(db: Database, userId: string): Promise<Date | null> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionsValidAfter: true } });
  return user.sessionsValidAfter;
}

describe("getAuthOptions", () => {
  let db: Database;
  let options: AuthOptions;
  let member: Account;

  beforeAll(async () => {
    vi.stubEnv("NEXTAUTH_SECRET", secret);
    vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3400");
    vi.stubEnv("LAKEVIEW_TRUST_PROXY", "true");
    db = await openTestDatabase();
    await new FhirStore(db).writeAll(
      ["p-1", "p-2", "p-3"].map((id) => ({ kind: "put" as const, resource: { resourceType: "Patient", id } satisfies Patient })),
    );
    member = await createAccount(db, { email: "alma@example.org", name: "Alma Reyes", password, role: "member", patientId: "p-1" });
    options = getAuthOptions(() => Promise.resolve(db));
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await db.close();
  });

  it("returns the signed-in member from the session endpoint", async () => {
    const jar = await signIn(options, "alma@example.org");

    const session = await getSession(options, jar);

    expect(session.body).toEqual({
      expires: expect.any(String),
      user: { id: member.id, name: "Alma Reyes", role: "member", patientId: "p-1" },
    });
  });

  it("rejects a token signed in before sign-out", async () => {
    const jar = await signIn(options, "alma@example.org");
    const savedToken = await decode({ token: jar[sessionCookie], secret });

    const afterSignOut = await signOut(options, jar);
    const replayed = await getSession(options, jar);

    expect(afterSignOut[sessionCookie]).toBeUndefined();
    expect(await readValidAfter(db, member.id)).toBeInstanceOf(Date);
    expect(replayed.body).toEqual({});
    expect(await getTokenUser(db, savedToken)).toBeNull();
    const rewritten = await decode({ token: replayed.cookies[sessionCookie] ?? "", secret });
    expect(rewritten?.sub).toBeUndefined();
  });

  it("ends every session of the account on sign-out", async () => {
    const laptop = await signIn(options, "alma@example.org");
    const phone = await signIn(options, "alma@example.org");

    await signOut(options, laptop);

    expect((await getSession(options, phone)).body).toEqual({});
  });

  it("accepts a sign-in after the sign-out", async () => {
    const before = await signIn(options, "alma@example.org");
    await signOut(options, before);

    const after = await signIn(options, "alma@example.org");

    expect((await getSession(options, after)).body).toMatchObject({ user: { id: member.id } });
  });

  it("ignores sign-out with a rejected token", async () => {
    const old = await signIn(options, "alma@example.org");
    await signOut(options, old);
    const current = await signIn(options, "alma@example.org");
    const validAfter = await readValidAfter(db, member.id);

    await signOut(options, old);

    expect(await readValidAfter(db, member.id)).toEqual(validAfter);
    expect((await getSession(options, current)).body).toMatchObject({ user: { id: member.id } });
  });

  it("returns no user after the account is deleted", async () => {
    const other = await createAccount(db, { email: "gone@example.org", name: "Gone Member", password, role: "member", patientId: "p-2" });
    const jar = await signIn(options, "gone@example.org");

    await db.prisma.user.delete({ where: { id: other.id } });
    const session = await getSession(options, jar);

    expect(session.body).toEqual({});
  });

  it("returns the stored role and patient after a change", async () => {
    const changing = await createAccount(db, { email: "change@example.org", name: "Casey Change", password, role: "member", patientId: "p-3" });
    const jar = await signIn(options, "change@example.org");

    await db.prisma.user.update({ where: { id: changing.id }, data: { role: "care_manager", patientId: null, name: "Casey Morgan" } });
    const session = await getSession(options, jar);

    expect(session.body).toEqual({
      expires: expect.any(String),
      user: { id: changing.id, name: "Casey Morgan", role: "care_manager", patientId: null },
    });
  });
});

describe("getAuthOptions sign-in throttle", () => {
  const wrongPassword = "a long enough passwore";
  let db: Database;

  beforeAll(async () => {
    vi.stubEnv("NEXTAUTH_SECRET", secret);
    vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3400");
    vi.stubEnv("LAKEVIEW_TRUST_PROXY", "true");
    db = await openTestDatabase();
    await new FhirStore(db).writeAll(
      ["p-1", "p-2"].map((id) => ({ kind: "put" as const, resource: { resourceType: "Patient", id } satisfies Patient })),
    );
    await createAccount(db, { email: "alma@example.org", name: "Alma Reyes", password, role: "member", patientId: "p-1" });
    await createAccount(db, { email: "ben@example.org", name: "Ben Ortiz", password, role: "member", patientId: "p-2" });
  });

  beforeEach(async () => {
    await db.sql.execute("DELETE FROM sign_in_throttle");
    vi.mocked(verifyPassword).mockClear();
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await db.close();
  });

  it("rejects the right password after five failures", async () => {
    let now = Date.parse("2026-12-04T12:00:00Z");
    const options = getAuthOptions(() => Promise.resolve(db), new SignInThrottle({ now: () => now }));

    for (let i = 0; i < 5; i += 1) {
      expect(await attemptSignIn(options, "alma@example.org", wrongPassword)).toBe("CredentialsSignin");
    }
    const lockedOut = await attemptSignIn(options, "alma@example.org", password);
    now += 10 * 60 * 1000;
    const lockedOutLater = await attemptSignIn(options, "ALMA@example.org", password);
    const otherEmail = await attemptSignIn(options, "ben@example.org", password);
    now += 5 * 60 * 1000;
    const afterLockout = await attemptSignIn(options, "alma@example.org", password);

    expect(lockedOut).toBe("SignInThrottled:15");
    expect(lockedOutLater).toBe("SignInThrottled:5");
    expect(otherEmail).toBeNull();
    expect(afterLockout).toBeNull();
  });

  it("locks an unknown email alike", async () => {
    const options = getAuthOptions(() => Promise.resolve(db), new SignInThrottle());

    for (let i = 0; i < 5; i += 1) {
      await attemptSignIn(options, "nobody@example.org", password);
    }

    expect(await attemptSignIn(options, "nobody@example.org", password)).toBe("SignInThrottled:15");
  });

  it("locks a client IP across emails", async () => {
    const options = getAuthOptions(() => Promise.resolve(db), new SignInThrottle({ maxFailuresPerIp: 3 }));
    const attacker = { "x-forwarded-for": "198.51.100.1, 203.0.113.7" };

    for (const email of ["a@example.org", "b@example.org", "c@example.org"]) {
      await attemptSignIn(options, email, wrongPassword, attacker);
    }

    expect(await attemptSignIn(options, "alma@example.org", password, attacker)).toBe("SignInThrottled:15");
    expect(await attemptSignIn(options, "alma@example.org", password, { "x-forwarded-for": "203.0.113.8" })).toBeNull();
  });

  it("checks five passwords of thirty concurrent guesses", async () => {
    // On PostgreSQL the sign-ins run at once on separate connections. PGlite runs their SQL one
    // statement after another. The right password is sent once the fifth guess has been admitted,
    // while the guesses' password checks are still running.
    const throttle = new WatchedThrottle(5);
    const options = getAuthOptions(() => Promise.resolve(db), throttle);

    const guesses = Array.from({ length: 29 }, () => attemptSignIn(options, "alma@example.org", wrongPassword));
    await throttle.limitReached;
    const rightPassword = attemptSignIn(options, "alma@example.org", password);
    const guessErrors = await Promise.all(guesses);

    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(5);
    expect(guessErrors.filter((error) => error === "CredentialsSignin")).toHaveLength(5);
    expect(guessErrors.filter((error) => error === "SignInThrottled:15")).toHaveLength(24);
    expect(await rightPassword).toBe("SignInThrottled:15");
  });

  it("counts no address failure for correct sign-ins", async () => {
    const options = getAuthOptions(() => Promise.resolve(db), new SignInThrottle({ maxFailuresPerIp: 3 }));
    const office = { "x-forwarded-for": "203.0.113.9" };

    for (const email of ["alma@example.org", "ben@example.org", "alma@example.org", "ben@example.org"]) {
      expect(await attemptSignIn(options, email, password, office)).toBeNull();
    }
    const firstGuess = await attemptSignIn(options, "a@example.org", wrongPassword, office);
    const secondGuess = await attemptSignIn(options, "b@example.org", wrongPassword, office);
    const afterGuesses = await attemptSignIn(options, "alma@example.org", password, office);
    const thirdGuess = await attemptSignIn(options, "c@example.org", wrongPassword, office);
    const afterLimit = await attemptSignIn(options, "ben@example.org", password, office);

    expect(firstGuess).toBe("CredentialsSignin");
    expect(secondGuess).toBe("CredentialsSignin");
    expect(afterGuesses).toBeNull();
    expect(thirdGuess).toBe("CredentialsSignin");
    expect(afterLimit).toBe("SignInThrottled:15");
  });
});

describe("getAuthOptions sign-in when the database fails", () => {
  const wrongPassword = "a long enough passwore";
  let db: Database;
  let options: AuthOptions;

  beforeAll(async () => {
    vi.stubEnv("NEXTAUTH_SECRET", secret);
    vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3400");
    db = await openTestDatabase();
    await new FhirStore(db).writeAll([{ kind: "put", resource: { resourceType: "Patient", id: "p-1" } satisfies Patient }]);
    await createAccount(db, { email: "alma@example.org", name: "Alma Reyes", password, role: "member", patientId: "p-1" });
    options = getAuthOptions(() => Promise.resolve(db), new SignInThrottle());
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await db.close();
  });

  it("reports unavailable when the database cannot open", async () => {
    const unreachable = getAuthOptions(() => Promise.reject(new Error("connection refused")), new SignInThrottle());

    expect(await attemptSignIn(unreachable, "alma@example.org", password)).toBe(signInUnavailableCode);
  });

  it("reports unavailable when the throttle table is missing", async () => {
    await db.exec('ALTER TABLE "sign_in_throttle" RENAME TO "sign_in_throttle_away"');
    try {
      expect(await attemptSignIn(options, "alma@example.org", password)).toBe(signInUnavailableCode);
    } finally {
      await db.exec('ALTER TABLE "sign_in_throttle_away" RENAME TO "sign_in_throttle"');
    }
  });

  it("reports unavailable when counting fails", async () => {
    await db.exec(`
      CREATE FUNCTION reject_throttle_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'sign_in_throttle is read-only in this test';
      END
      $$;
      CREATE TRIGGER reject_throttle_write BEFORE INSERT OR UPDATE OR DELETE ON "sign_in_throttle"
        FOR EACH STATEMENT EXECUTE FUNCTION reject_throttle_write();
    `);
    try {
      expect(await attemptSignIn(options, "alma@example.org", wrongPassword)).toBe(signInUnavailableCode);
      expect(await attemptSignIn(options, "alma@example.org", password)).toBe(signInUnavailableCode);
    } finally {
      await db.exec('DROP TRIGGER reject_throttle_write ON "sign_in_throttle"; DROP FUNCTION reject_throttle_write()');
    }
  });

  it("reports unavailable when the account lookup fails", async () => {
    await db.exec('ALTER TABLE "app_user" RENAME TO "app_user_away"');
    try {
      expect(await attemptSignIn(options, "alma@example.org", password)).toBe(signInUnavailableCode);
    } finally {
      await db.exec('ALTER TABLE "app_user_away" RENAME TO "app_user"');
    }
  });

  it("reports unavailable when recording success fails", async () => {
    // A row trigger fires only for rows a statement deletes, so admit's delete of expired rows,
    // which finds none, still runs, and the success's delete of the email's row fails.
    await db.sql.execute("DELETE FROM sign_in_throttle");
    await db.exec(`
      CREATE FUNCTION reject_throttle_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'sign_in_throttle rows cannot be deleted in this test';
      END
      $$;
      CREATE TRIGGER reject_throttle_delete BEFORE DELETE ON "sign_in_throttle"
        FOR EACH ROW EXECUTE FUNCTION reject_throttle_delete();
    `);
    try {
      expect(await attemptSignIn(options, "alma@example.org", password)).toBe(signInUnavailableCode);
      expect(await db.sql.query("SELECT failures FROM sign_in_throttle")).toEqual([{ failures: 1 }]);
    } finally {
      await db.exec('DROP TRIGGER reject_throttle_delete ON "sign_in_throttle"; DROP FUNCTION reject_throttle_delete()');
    }
  });
});

describe("readClientIp", () => {
  const behindProxy = { LAKEVIEW_TRUST_PROXY: "true" };

  it("prefers X-Real-IP", () => {
    expect(readClientIp({ "x-real-ip": " 203.0.113.7 ", "x-forwarded-for": "198.51.100.1" }, behindProxy)).toBe("203.0.113.7");
  });

  it("takes the last X-Forwarded-For entry", () => {
    expect(readClientIp({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }, behindProxy)).toBe("203.0.113.7");
  });

  it("returns null without either header", () => {
    expect(readClientIp({ host: "127.0.0.1:3400" }, behindProxy)).toBeNull();
    expect(readClientIp(undefined, behindProxy)).toBeNull();
  });

  it("ignores the headers unless a proxy is trusted", () => {
    expect(readClientIp({ "x-real-ip": "203.0.113.7" }, {})).toBeNull();
    expect(readClientIp({ "x-forwarded-for": "203.0.113.7" }, { LAKEVIEW_TRUST_PROXY: "1" })).toBeNull();
  });
});
