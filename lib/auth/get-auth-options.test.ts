import type { Patient } from "fhir/r4";
import NextAuth, { type AuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { createAccount, type Account } from "./create-account";
import { getAuthOptions } from "./get-auth-options";
import { getTokenUser } from "./get-token-user";

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
  request: { method: "GET" | "POST"; path: string[]; cookies?: CookieJar; body?: Record<string, string> },
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
    headers: { host: "127.0.0.1:3400" },
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
