import { createHmac } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { readSignInThrottledMinutes, toSignInThrottledCode } from "./sign-in-error-code";
import { SignInThrottle, type SignInAttempt, type SignInThrottleOptions, type ThrottleDecision } from "./sign-in-throttle";

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
  const lockedForFifteenMinutes = { allowed: false, retryAfterMs: 15 * minuteMs };
  let db: Database;

  /** Admits `count` attempts one after another, each one ending as a wrong password. */
  async function failTimes(throttle: SignInThrottle, count: number, attempt: SignInAttempt): Promise<ThrottleDecision[]> {
    const decisions: ThrottleDecision[] = [];
    for (let i = 0; i < count; i += 1) {
      decisions.push(await throttle.admit(db, attempt));
    }
    return decisions;
  }

  /** Admits an attempt that ends as a correct password. */
  async function succeed(throttle: SignInThrottle, attempt: SignInAttempt): Promise<void> {
    const decision = await throttle.admit(db, attempt);
    if (!decision.allowed) throw new Error(`expected the attempt to be admitted, but it is locked for ${decision.retryAfterMs} ms`);
    await throttle.recordSuccess(db, attempt, decision);
  }

  function listRows(): Promise<StoredRow[]> {
    return db.sql.query<StoredRow>("SELECT key_hash, failures, locked_until, t::text AS row_text FROM sign_in_throttle t ORDER BY key_hash");
  }

  async function readFailures(keyText: string): Promise<number | undefined> {
    const rows = await listRows();
    return rows.find((row) => row.key_hash === keyHash(keyText))?.failures;
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

  it("admits five attempts and rejects the sixth", async () => {
    const { throttle } = createThrottle();

    const decisions = await failTimes(throttle, 5, alma);

    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, true]);
    expect(await throttle.admit(db, alma)).toEqual(lockedForFifteenMinutes);
    expect(await throttle.admit(db, { email: " ALMA@Example.org " })).toEqual(lockedForFifteenMinutes);
    expect(await throttle.admit(db, { email: "ben@example.org" })).toEqual({ allowed: true, ipWindowStart: null });
  });

  it("unlocks after fifteen minutes", async () => {
    const { throttle, advance } = createThrottle();
    await failTimes(throttle, 5, alma);

    advance(15 * minuteMs - 1);
    expect(await throttle.admit(db, alma)).toEqual({ allowed: false, retryAfterMs: 1 });

    advance(1);
    expect((await throttle.admit(db, alma)).allowed).toBe(true);
  });

  it("does not extend a lockout with rejected attempts", async () => {
    const { throttle, advance } = createThrottle();
    await failTimes(throttle, 5, alma);

    advance(10 * minuteMs);
    const rejected = await failTimes(throttle, 3, alma);
    advance(5 * minuteMs);

    expect(rejected).toEqual([1, 2, 3].map(() => ({ allowed: false, retryAfterMs: 5 * minuteMs })));
    expect((await throttle.admit(db, alma)).allowed).toBe(true);
    expect(await readFailures("email:alma@example.org")).toBe(1);
  });

  it("counts afresh after a lockout ends", async () => {
    const { throttle, advance } = createThrottle();
    await failTimes(throttle, 5, alma);
    advance(15 * minuteMs);

    const decisions = await failTimes(throttle, 5, alma);

    expect(decisions.every((decision) => decision.allowed)).toBe(true);
    expect(await throttle.admit(db, alma)).toEqual(lockedForFifteenMinutes);
  });

  it("forgets failures older than the window", async () => {
    const { throttle, advance } = createThrottle();
    await failTimes(throttle, 4, alma);

    advance(15 * minuteMs);
    const decisions = await failTimes(throttle, 5, alma);

    expect(decisions.every((decision) => decision.allowed)).toBe(true);
    expect(await throttle.admit(db, alma)).toEqual(lockedForFifteenMinutes);
  });

  it("clears the email's failures on success", async () => {
    const { throttle } = createThrottle();
    await failTimes(throttle, 4, alma);

    await succeed(throttle, alma);
    const decisions = await failTimes(throttle, 5, alma);

    expect(decisions.every((decision) => decision.allowed)).toBe(true);
    expect(await throttle.admit(db, alma)).toEqual(lockedForFifteenMinutes);
  });

  it("locks an IP address across emails", async () => {
    const { throttle } = createThrottle({ maxFailuresPerIp: 8 });

    for (let i = 0; i < 8; i += 1) {
      await throttle.admit(db, { email: `member-${i}@example.org`, ip: "203.0.113.7" });
    }

    expect(await throttle.admit(db, { email: "new@example.org", ip: "203.0.113.7" })).toEqual(lockedForFifteenMinutes);
    expect((await throttle.admit(db, { email: "new@example.org", ip: "203.0.113.8" })).allowed).toBe(true);
    expect((await throttle.admit(db, { email: "member-0@example.org" })).allowed).toBe(true);
  });

  it("rejects without counting when the email is locked", async () => {
    const { throttle } = createThrottle();
    const ip = "203.0.113.7";
    await failTimes(throttle, 5, alma);

    const decision = await throttle.admit(db, { ...alma, ip });

    expect(decision).toEqual(lockedForFifteenMinutes);
    expect(await readFailures("email:alma@example.org")).toBe(5);
    expect(await readFailures(`ip:${ip}`)).toBeUndefined();
  });

  it("rejects without counting when the address is locked", async () => {
    const { throttle } = createThrottle({ maxFailuresPerIp: 2 });
    const ip = "203.0.113.7";
    await failTimes(throttle, 2, { email: "a@example.org", ip });

    const decision = await throttle.admit(db, { ...alma, ip });

    expect(decision).toEqual(lockedForFifteenMinutes);
    expect(await readFailures("email:alma@example.org")).toBeUndefined();
    expect(await readFailures(`ip:${ip}`)).toBe(2);
  });

  it("keeps the address count of failures", async () => {
    const { throttle } = createThrottle({ maxFailuresPerIp: 3 });
    const ip = "203.0.113.7";
    await failTimes(throttle, 2, { email: "a@example.org", ip });

    await succeed(throttle, { email: "b@example.org", ip });
    await throttle.admit(db, { email: "c@example.org", ip });

    expect(await throttle.admit(db, { email: "d@example.org", ip })).toEqual(lockedForFifteenMinutes);
  });

  it("counts no address failure for a success", async () => {
    const { throttle } = createThrottle({ maxFailuresPerIp: 3 });
    const ip = "203.0.113.7";

    for (let i = 0; i < 5; i += 1) {
      await succeed(throttle, { email: `member-${i}@example.org`, ip });
    }
    const decisions = await failTimes(throttle, 3, { email: "a@example.org", ip });

    expect(decisions.every((decision) => decision.allowed)).toBe(true);
    expect(await readFailures(`ip:${ip}`)).toBe(3);
  });

  it("lifts an address lock that a success completed", async () => {
    const { throttle } = createThrottle({ maxFailuresPerIp: 3 });
    const ip = "203.0.113.7";
    await failTimes(throttle, 2, { email: "a@example.org", ip });
    const admission = await throttle.admit(db, { email: "b@example.org", ip });
    expect(await throttle.admit(db, { email: "c@example.org", ip })).toEqual(lockedForFifteenMinutes);
    if (!admission.allowed) throw new Error("expected the third attempt to be admitted");

    await throttle.recordSuccess(db, { email: "b@example.org", ip }, admission);

    expect((await throttle.admit(db, { email: "c@example.org", ip })).allowed).toBe(true);
    expect(await throttle.admit(db, { email: "d@example.org", ip })).toEqual(lockedForFifteenMinutes);
  });

  it("takes nothing back from a later window", async () => {
    const { throttle, advance } = createThrottle();
    const attempt = { email: "b@example.org", ip: "203.0.113.7" };
    const admission = await throttle.admit(db, attempt);
    if (!admission.allowed) throw new Error("expected the attempt to be admitted");
    advance(15 * minuteMs);
    await throttle.admit(db, { email: "a@example.org", ip: "203.0.113.7" });

    await throttle.recordSuccess(db, attempt, admission);

    expect(await readFailures("ip:203.0.113.7")).toBe(1);
  });

  it("deletes expired rows and keeps a live lockout", async () => {
    const { throttle, advance } = createThrottle();
    await throttle.admit(db, { email: "old-1@example.org" });
    await throttle.admit(db, { email: "old-2@example.org" });
    advance(10 * minuteMs);
    await failTimes(throttle, 5, alma);

    advance(6 * minuteMs);
    await throttle.admit(db, { email: "new@example.org" });

    const rows = await listRows();
    expect(rows.map((row) => row.key_hash).sort()).toEqual([keyHash("email:alma@example.org"), keyHash("email:new@example.org")].sort());
    expect(await throttle.admit(db, alma)).toEqual({ allowed: false, retryAfterMs: 9 * minuteMs });
  });

  it("leaves no row for a rejected attempt's new key", async () => {
    const { throttle } = createThrottle();
    await failTimes(throttle, 5, alma);

    await throttle.admit(db, { ...alma, ip: "203.0.113.7" });

    const rows = await listRows();
    expect(rows.map((row) => row.key_hash)).toEqual([keyHash("email:alma@example.org")]);
  });

  it("shares counts and lockouts between instances", async () => {
    // Two throttles on one database stand for two server processes.
    const { throttle: first } = createThrottle();
    const { throttle: second } = createThrottle();

    await failTimes(first, 3, alma);
    await failTimes(second, 2, alma);

    expect((await first.admit(db, alma)).allowed).toBe(false);
    expect((await second.admit(db, alma)).allowed).toBe(false);
  });

  // On PostgreSQL the concurrent calls below run at once on separate connections. PGlite has one
  // connection, so there they run one after the other.
  it("counts concurrent attempts once each", async () => {
    const { throttle } = createThrottle({ maxFailuresPerEmail: 100, maxFailuresPerIp: 100 });
    const attempt = { email: "alma@example.org", ip: "203.0.113.7" };

    await Promise.all(Array.from({ length: 10 }, () => throttle.admit(db, attempt)));

    const rows = await listRows();
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.failures)).toEqual([10, 10]);
  });

  it("admits five of thirty concurrent attempts", async () => {
    const { throttle } = createThrottle();

    const decisions = await Promise.all(Array.from({ length: 30 }, () => throttle.admit(db, alma)));

    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    expect(decisions.filter((decision) => !decision.allowed)).toEqual(Array.from({ length: 25 }, () => lockedForFifteenMinutes));
    const [row] = await listRows();
    expect(row?.failures).toBe(5);
    expect(row?.locked_until).toEqual(new Date(Date.parse("2026-12-04T12:15:00Z")));
  });

  it("admits twenty concurrent attempts per address", async () => {
    const { throttle } = createThrottle();
    const ip = "203.0.113.7";

    const decisions = await Promise.all(Array.from({ length: 30 }, (_, i) => throttle.admit(db, { email: `member-${i}@example.org`, ip })));

    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(20);
    expect(await readFailures(`ip:${ip}`)).toBe(20);
  });

  it("takes back every concurrent success", async () => {
    const { throttle } = createThrottle();
    const ip = "203.0.113.7";

    await Promise.all(Array.from({ length: 20 }, (_, i) => succeed(throttle, { email: `member-${i}@example.org`, ip })));

    expect(await readFailures(`ip:${ip}`)).toBe(0);
  });

  it("keys rows by an HMAC, not the plain hash", async () => {
    const { throttle } = createThrottle({ hashSecret: "another-secret-of-the-portal-0123" });

    await throttle.admit(db, alma);

    const [row] = await listRows();
    expect(row?.key_hash).toBe(createHmac("sha256", "another-secret-of-the-portal-0123").update("email:alma@example.org").digest("hex"));
    expect(row?.key_hash).not.toBe(keyHash("email:alma@example.org"));
  });

  it("stores no email or IP address in clear", async () => {
    const { throttle } = createThrottle();

    await throttle.admit(db, { email: " Alma@Example.org ", ip: "203.0.113.7" });

    const rows = await listRows();
    expect(rows.map((row) => row.key_hash).sort()).toEqual([keyHash("email:alma@example.org"), keyHash("ip:203.0.113.7")].sort());
    for (const row of rows) {
      expect(row.row_text.toLowerCase()).not.toContain("alma");
      expect(row.row_text).not.toContain("203.0.113.7");
    }
  });

  it("unlocks one email", async () => {
    const { throttle } = createThrottle();
    await failTimes(throttle, 5, alma);
    await failTimes(throttle, 2, { email: "ben@example.org" });

    const deleted = await throttle.unlock(db, { email: " Alma@Example.org " });

    expect(deleted).toEqual({ windowStart: Date.parse("2026-12-04T12:00:00Z"), failures: 5, lockedUntil: Date.parse("2026-12-04T12:15:00Z") });
    expect(await throttle.admit(db, alma)).toEqual({ allowed: true, ipWindowStart: null });
    expect(await readFailures("email:ben@example.org")).toBe(2);
  });

  it("unlocks one address", async () => {
    const { throttle } = createThrottle({ maxFailuresPerIp: 2 });
    await failTimes(throttle, 2, { email: "a@example.org", ip: "203.0.113.7" });
    await failTimes(throttle, 1, { email: "b@example.org", ip: "203.0.113.8" });

    const deleted = await throttle.unlock(db, { ip: "203.0.113.7" });

    expect(deleted?.failures).toBe(2);
    expect((await throttle.admit(db, { email: "c@example.org", ip: "203.0.113.7" })).allowed).toBe(true);
    expect(await readFailures("ip:203.0.113.8")).toBe(1);
  });

  it("returns null for a missing row", async () => {
    const { throttle } = createThrottle();
    await failTimes(throttle, 5, alma);

    expect(await throttle.unlock(db, { email: "ben@example.org" })).toBeNull();
    expect(await throttle.unlock(db, { ip: "alma@example.org" })).toBeNull();
    expect(await readFailures("email:alma@example.org")).toBe(5);
  });

  it("finds no row under another secret", async () => {
    const { throttle } = createThrottle();
    const { throttle: otherSecret } = createThrottle({ hashSecret: "another-secret-of-the-portal-0123" });
    await failTimes(throttle, 5, alma);

    expect(await otherSecret.unlock(db, alma)).toBeNull();
    expect(await throttle.admit(db, alma)).toEqual(lockedForFifteenMinutes);
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
