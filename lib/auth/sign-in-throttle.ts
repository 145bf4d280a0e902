import { createHmac } from "node:crypto";

import type { Database } from "../db/database";
import type { SqlClient } from "../db/sql-client";
import { countSignInFailure, toFailureCountExpiry, type FailureCount } from "./count-sign-in-failure";

/** Failed sign-ins one email may have within `windowMs` before it is locked. */
export const maxFailuresPerEmail = 5;

/**
 * Failed sign-ins one client IP address may have within `windowMs` before it is locked. Higher
 * than the per-email limit so that members behind one NAT or office proxy can each mistype a few
 * times. NOTE: a guess, not sized from traffic.
 */
export const maxFailuresPerIp = 20;

const fifteenMinutesMs = 15 * 60 * 1000;

/**
 * Expired rows one recorded failure deletes at most. A failure adds at most two rows, so this
 * drains a backlog (after a spray of emails, say) while keeping each sign-in's delete short.
 */
const maxExpiredRowsPerDelete = 100;

/** Settings of a SignInThrottle; tests shorten them or inject a clock. */
export interface SignInThrottleOptions {
  maxFailuresPerEmail?: number;
  maxFailuresPerIp?: number;
  /** Period, in milliseconds, over which failures are counted. */
  windowMs?: number;
  /** Lockout duration, in milliseconds, after a key reaches its limit. */
  lockoutMs?: number;
  /**
   * Key of the HMAC that hashes the throttle keys; NEXTAUTH_SECRET when unset. Changing it starts
   * every count afresh.
   */
  hashSecret?: string;
  /**
   * Clock, in whole milliseconds since the epoch. Its times go to the database as parameters,
   * never as the server's now(), so tests can move it.
   */
  now?: () => number;
}

/** The keys one sign-in attempt is counted under. */
export interface SignInAttempt {
  email: string;
  /** Client IP address, when the request carries one. */
  ip?: string | null;
}

/** Outcome of SignInThrottle.check. */
export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** One key of an attempt: the HMAC-SHA-256 (hex) of its text, which is the row's key_hash, and its limit. */
interface ThrottleKey {
  hash: string;
  maxFailures: number;
}

interface ThrottleRow {
  window_start: Date;
  failures: number;
  locked_until: Date | null;
}

/**
 * Counts failed sign-ins per email and per client IP address in the sign_in_throttle table, and
 * locks a key for `lockoutMs` once it reaches its failure limit within `windowMs`. The counts are
 * shared by every server process through the database, so running more processes does not raise
 * the limits. A locked attempt is rejected before the password is checked, so guessing stops even
 * for the right password. Emails that have no account are counted the same way, so a lockout does
 * not reveal which emails exist.
 */
export class SignInThrottle {
  private readonly maxFailuresPerEmail: number;
  private readonly maxFailuresPerIp: number;
  private readonly windowMs: number;
  private readonly lockoutMs: number;
  private readonly hashSecret: string;
  private readonly now: () => number;

  constructor(options: SignInThrottleOptions = {}) {
    this.maxFailuresPerEmail = options.maxFailuresPerEmail ?? maxFailuresPerEmail;
    this.maxFailuresPerIp = options.maxFailuresPerIp ?? maxFailuresPerIp;
    this.windowMs = options.windowMs ?? fifteenMinutesMs;
    this.lockoutMs = options.lockoutMs ?? fifteenMinutesMs;
    this.hashSecret = options.hashSecret ?? process.env.NEXTAUTH_SECRET ?? "";
    this.now = options.now ?? Date.now;
  }

  /** Tells whether an attempt may check its password, or how long until its keys are unlocked. */
  async check(db: Database, attempt: SignInAttempt): Promise<ThrottleDecision> {
    const now = this.now();

    const [row] = await db.sql.query<{ locked_until: Date | null }>(
      "SELECT max(locked_until) AS locked_until FROM sign_in_throttle WHERE key_hash = ANY($1::text[]) AND locked_until > $2::timestamptz",
      [this.toKeys(attempt).map((key) => key.hash), toTimestamp(now)],
    );

    const lockedUntil = row?.locked_until ?? null;
    return lockedUntil === null ? { allowed: true } : { allowed: false, retryAfterMs: lockedUntil.getTime() - now };
  }

  /**
   * Counts a wrong password or unknown email, locks each key that reaches its limit, and deletes
   * rows that have expired.
   */
  async recordFailure(db: Database, attempt: SignInAttempt): Promise<void> {
    const now = this.now();
    // Rows are locked in ascending key_hash order, so two attempts that share keys cannot deadlock.
    const keys = this.toKeys(attempt).sort((a, b) => (a.hash < b.hash ? -1 : 1));

    await db.transaction(async (sql) => {
      for (const key of keys) {
        await this.countKeyFailure(sql, key, now);
      }
    });

    await deleteExpiredRows(db.sql, now);
  }

  /** Clears the email's failures after a correct password. The IP address keeps its count. */
  async recordSuccess(db: Database, attempt: SignInAttempt): Promise<void> {
    await db.sql.execute("DELETE FROM sign_in_throttle WHERE key_hash = $1", [this.toKeyHash(toEmailKey(attempt.email))]);
  }

  /**
   * Counts one failure on a key inside the caller's transaction. The upsert creates a missing row
   * as an empty count that starts now. It locks the row until the transaction ends, so a failure
   * that another process records at the same time waits for this one and counts on top of it.
   */
  private async countKeyFailure(sql: SqlClient, key: ThrottleKey, now: number): Promise<void> {
    const [row] = await sql.query<ThrottleRow>(
      `INSERT INTO sign_in_throttle (key_hash, window_start, failures, locked_until, expires_at)
       VALUES ($1, $2::timestamptz, 0, NULL, $2::timestamptz)
       ON CONFLICT (key_hash) DO UPDATE SET key_hash = EXCLUDED.key_hash
       RETURNING window_start, failures, locked_until`,
      [key.hash, toTimestamp(now)],
    );
    if (!row) throw new Error("INSERT … RETURNING on sign_in_throttle returned no row");

    const next = countSignInFailure(toFailureCount(row), now, { maxFailures: key.maxFailures, windowMs: this.windowMs, lockoutMs: this.lockoutMs });
    if (!next) return;

    await sql.execute(
      `UPDATE sign_in_throttle SET window_start = $2::timestamptz, failures = $3, locked_until = $4::timestamptz, expires_at = $5::timestamptz
       WHERE key_hash = $1`,
      [
        key.hash,
        toTimestamp(next.windowStart),
        next.failures,
        next.lockedUntil === null ? null : toTimestamp(next.lockedUntil),
        toTimestamp(toFailureCountExpiry(next, this.windowMs)),
      ],
    );
  }

  private toKeys(attempt: SignInAttempt): ThrottleKey[] {
    const email = { hash: this.toKeyHash(toEmailKey(attempt.email)), maxFailures: this.maxFailuresPerEmail };
    return attempt.ip ? [email, { hash: this.toKeyHash(`ip:${attempt.ip}`), maxFailures: this.maxFailuresPerIp }] : [email];
  }

  /**
   * Hashes a key with an HMAC under the server's secret, so the table stores no attempted email or
   * client address, and someone who reads it cannot test guessed emails or addresses against it.
   */
  private toKeyHash(key: string): string {
    return createHmac("sha256", this.hashSecret).update(key).digest("hex");
  }
}

/**
 * Deletes rows whose expires_at has passed, oldest first, by the index on expires_at. It skips
 * rows that another transaction has locked. That transaction is counting a failure on them, and
 * it may be waiting for a row this delete has locked, so waiting for it here could deadlock.
 */
async function deleteExpiredRows(sql: SqlClient, now: number): Promise<void> {
  await sql.execute(
    `DELETE FROM sign_in_throttle WHERE key_hash IN (
       SELECT key_hash FROM sign_in_throttle WHERE expires_at <= $1::timestamptz
       ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    [toTimestamp(now), maxExpiredRowsPerDelete],
  );
}

function toFailureCount(row: ThrottleRow): FailureCount {
  return { windowStart: row.window_start.getTime(), failures: row.failures, lockedUntil: row.locked_until?.getTime() ?? null };
}

function toEmailKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

/** Formats a time in milliseconds since the epoch for a timestamptz parameter. */
function toTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
