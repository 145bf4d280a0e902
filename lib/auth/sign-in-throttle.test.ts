import { createHmac } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { readSignInThrottledMinutes, toSignInThrottledCode } from "./sign-in-error-code";
import { SignInThrottle, type SignInAttempt, type SignInThrottleOptions } from "./sign-in-throttle";

const minuteMs = 60 * 1000;
const hashSecret = "throttle-test-secret-0123456789abcdef";

interface StoredRow {
  key_hash: string;
  failures: number;
  locked_until: Date | null;
  /** The whole row as PostgreSQL's text form of a record. */
  row_text: string;
}

/** Creates a throttle with the default limits and a clock that the test moves by hand. */
function createThrottle(options: SignInThrottleOptions = {}): { throttle: SignInThrottle; advance: (ms: number) => void } {
  let now = Date.parse("2026-12-04T12:00:00Z");
  const throttle = new SignInThrottle({ now: () => now, hashSecret, ...options });
  return { throttle, advance: (ms) => (now += ms) };
}

function keyHash(text: string): string {
  return createHmac("sha256", hashSecret).update(text).digest("hex");
}

describe("SignInThrottle", () => {
  const alma = { email: "alma@example.org" };
  let db: Database;

  async function failTimes(throttle: SignInThrottle, count: number, attempt: SignInAttempt): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      await throttle.recordFailure(db, attempt);
    }
  }

  function listRows(): Promise<StoredRow[]> {
    return db.sql.query<StoredRow>("SELECT key_hash, failures, locked_until, t::text AS row_text FROM sign_in_throttle t ORDER BY key_hash");
  }

  beforeAll(async () => {
    db = await openTestDatabase();
  });

  beforeEach(async () => {
    await db.sql.execute("DELETE FROM sign_in_throttle");
  });

  afterAll(async () => {
    await db.close();
  });

  it("allows four failures", async () => {
    const { throttle } = createThrottle();

    await failTimes(throttle, 4, alma);

    expect(await throttle.check(db, alma)).toEqual({ allowed: true });
  });

  it("locks the email after five failures", async () => {
    const { throttle } = createThrottle();

    await failTimes(throttle, 5, alma);

    expect(await throttle.check(db, alma)).toEqual({ allowed: false, retryAfterMs: 15 * minuteMs });
    expect((await throttle.check(db, { email: " ALMA@Example.org " })).allowed).toBe(false);
    expect(await throttle.check(db, { email: "ben@example.org" })).toEqual({ allowed: true });
  });

  it("unlocks after fifteen minutes", async () => {
    const { throttle, advance } = createThrottle();
    await failTimes(throttle, 5, alma);

    advance(15 * minuteMs - 1);
    expect(await throttle.check(db, alma)).toEqual({ allowed: false, retryAfterMs: 1 });

    advance(1);
    expect(await throttle.check(db, alma)).toEqual({ allowed: true });
  });

  it("does not extend a lockout with failures", async () => {
    const { throttle, advance } = createThrottle();
    await failTimes(throttle, 5, alma);

    advance(10 * minuteMs);
    await failTimes(throttle, 3, alma);
    advance(5 * minuteMs);

    expect(await throttle.check(db, alma)).toEqual({ allowed: true });
  });

  it("counts afresh after a lockout ends", async () => {
    const { throttle, advance } = createThrottle();
    await failTimes(throttle, 5, alma);
    advance(15 * minuteMs);

    await failTimes(throttle, 4, alma);
    expect((await throttle.check(db, alma)).allowed).toBe(true);

    await throttle.recordFailure(db, alma);
    expect((await throttle.check(db, alma)).allowed).toBe(false);
  });

  it("forgets failures older than the window", async () => {
    const { throttle, advance } = createThrottle();
    await failTimes(throttle, 4, alma);

    advance(15 * minuteMs);
    await throttle.recordFailure(db, alma);

    expect(await throttle.check(db, alma)).toEqual({ allowed: true });
  });

  it("clears the email's failures on success", async () => {
    const { throttle } = createThrottle();
    await failTimes(throttle, 4, alma);

    await throttle.recordSuccess(db, alma);
    await throttle.recordFailure(db, alma);

    expect(await throttle.check(db, alma)).toEqual({ allowed: true });
  });

  it("locks an IP address across emails", async () => {
    const { throttle } = createThrottle({ maxFailuresPerIp: 8 });

    for (let i = 0; i < 8; i += 1) {
      await throttle.recordFailure(db, { email: `member-${i}@example.org`, ip: "203.0.113.7" });
    }

    expect((await throttle.check(db, { email: "new@example.org", ip: "203.0.113.7" })).allowed).toBe(false);
    expect(await throttle.check(db, { email: "new@example.org", ip: "203.0.113.8" })).toEqual({ allowed: true });
    expect(await throttle.check(db, { email: "member-0@example.org" })).toEqual({ allowed: true });
  });

  it("keeps the IP count after a success", async () => {
    const { throttle } = createThrottle({ maxFailuresPerIp: 3 });
    const ip = "203.0.113.7";
    await failTimes(throttle, 2, { email: "a@example.org", ip });

    await throttle.recordSuccess(db, { email: "b@example.org", ip });
    await throttle.recordFailure(db, { email: "c@example.org", ip });

    expect((await throttle.check(db, { email: "d@example.org", ip })).allowed).toBe(false);
  });

  it("deletes expired rows and keeps a live lockout", async () => {
    const { throttle, advance } = createThrottle();
    await throttle.recordFailure(db, { email: "old-1@example.org" });
    await throttle.recordFailure(db, { email: "old-2@example.org" });
    advance(10 * minuteMs);
    await failTimes(throttle, 5, alma);

    advance(6 * minuteMs);
    await throttle.recordFailure(db, { email: "new@example.org" });

    const rows = await listRows();
    expect(rows.map((row) => row.key_hash).sort()).toEqual([keyHash("email:alma@example.org"), keyHash("email:new@example.org")].sort());
    expect(await throttle.check(db, alma)).toEqual({ allowed: false, retryAfterMs: 9 * minuteMs });
  });

  it("shares counts and lockouts between instances", async () => {
    // Two throttles on one database stand for two server processes.
    const { throttle: first } = createThrottle();
    const { throttle: second } = createThrottle();

    await failTimes(first, 3, alma);
    await failTimes(second, 2, alma);

    expect((await first.check(db, alma)).allowed).toBe(false);
    expect((await second.check(db, alma)).allowed).toBe(false);
  });

  it("counts concurrent failures once each", async () => {
    // On PostgreSQL the calls run at once on separate connections. PGlite has one connection, so
    // there they run one after the other.
    const { throttle } = createThrottle({ maxFailuresPerEmail: 100, maxFailuresPerIp: 100 });
    const attempt = { email: "alma@example.org", ip: "203.0.113.7" };

    await Promise.all(Array.from({ length: 10 }, () => throttle.recordFailure(db, attempt)));

    const rows = await listRows();
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.failures)).toEqual([10, 10]);
  });

  it("stops counting concurrent failures at the lockout", async () => {
    const { throttle } = createThrottle();

    await Promise.all(Array.from({ length: 10 }, () => throttle.recordFailure(db, alma)));

    const [row] = await listRows();
    expect(row?.failures).toBe(5);
    expect(row?.locked_until).toEqual(new Date(Date.parse("2026-12-04T12:15:00Z")));
  });

  it("keys rows by an HMAC, not the plain hash", async () => {
    const { throttle } = createThrottle({ hashSecret: "another-secret-of-the-portal-0123" });

    await throttle.recordFailure(db, alma);

    const [row] = await listRows();
    expect(row?.key_hash).toBe(createHmac("sha256", "another-secret-of-the-portal-0123").update("email:alma@example.org").digest("hex"));
    expect(row?.key_hash).not.toBe(keyHash("email:alma@example.org"));
  });

  it("stores no email or IP address in clear", async () => {
    const { throttle } = createThrottle();

    await throttle.recordFailure(db, { email: " Alma@Example.org ", ip: "203.0.113.7" });

    const rows = await listRows();
    expect(rows.map((row) => row.key_hash).sort()).toEqual([keyHash("email:alma@example.org"), keyHash("ip:203.0.113.7")].sort());
    for (const row of rows) {
      expect(row.row_text.toLowerCase()).not.toContain("alma");
      expect(row.row_text).not.toContain("203.0.113.7");
    }
  });
});

describe("toSignInThrottledCode", () => {
  it("rounds the minutes up", () => {
    expect(toSignInThrottledCode(14 * minuteMs + 1)).toBe("SignInThrottled:15");
    expect(toSignInThrottledCode(1)).toBe("SignInThrottled:1");
  });

  it("reads back the minutes", () => {
    expect(readSignInThrottledMinutes("SignInThrottled:15")).toBe(15);
    expect(readSignInThrottledMinutes("CredentialsSignin")).toBeNull();
    expect(readSignInThrottledMinutes("SignInThrottled:soon")).toBeNull();
    expect(readSignInThrottledMinutes(undefined)).toBeNull();
  });
});
