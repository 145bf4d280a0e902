import { createHmac } from "node:crypto";

import type { Database } from "../db/database";
import type { SqlClient } from "../db/sql-client";
import {
  countSignInFailure,
  takeBackSignInFailure,
  toFailureCountExpiry,
  type FailureCount,
  type FailureLimits,
} from "./count-sign-in-failure";

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

/** Outcome of SignInThrottle.admit. */
export type ThrottleDecision = SignInAdmission | { allowed: false; retryAfterMs: number };

/** An admitted attempt, already counted as a failure on each of its keys. */
export interface SignInAdmission {
  allowed: true;
  /**
   * Start, in milliseconds since the epoch, of the IP address's window that counted this attempt,
   * or null for an attempt without an address. recordSuccess takes the failure back only from
   * that window.
   */
  ipWindowStart: number | null;
}

/** One email or one client IP address, whose throttle row an operator can delete. */
export type SignInThrottleKey = { email: string } | { ip: string };

/** One key of an attempt: the HMAC-SHA-256 (hex) of its text, which is the row's key_hash, and its limit. */
interface HashedKey {
  kind: "email" | "ip";
  hash: string;
  maxFailures: number;
}

/** A key with its count, as read from or to be written to its row. */
interface KeyCount {
  key: HashedKey;
  count: FailureCount;
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
 * the limits. The limit holds for concurrent attempts too. `admit` counts each attempt as a
 * failure before its password is checked, in one transaction that locks the attempt's rows. So
 * attempts at the same moment are counted one after another, and those past the limit are
 * rejected. A correct password then clears the email's count and takes its own failure back off
 * the address (recordSuccess). A locked attempt is rejected before the password is checked, so
 * guessing stops even for the right password. Emails that have no account are counted the same
 * way, so a lockout does not reveal which emails exist.
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

  /**
   * Decides whether an attempt may check its password. When any of its keys is locked, the attempt
   * is rejected with the time until the last of them unlocks, and nothing is counted. Otherwise it
   * is counted as a failure on every key up front, which locks each key that reaches its limit,
   * and admitted, so a wrong password needs nothing more written. Then deletes expired rows.
   */
  async admit(db: Database, attempt: SignInAttempt): Promise<ThrottleDecision> {
    const now = this.now();
    // Rows are locked in ascending key_hash order, so two attempts that share keys cannot deadlock.
    const keys = this.toKeys(attempt).sort((a, b) => (a.hash < b.hash ? -1 : 1));

    const decision = await db.transaction(async (sql) => {
      const current: KeyCount[] = [];
      for (const key of keys) {
        current.push({ key, count: await lockKeyRow(sql, key.hash, now) });
      }
      return this.countAttempt(sql, current, now);
    });

    await deleteExpiredRows(db.sql, now);
    return decision;
  }

  /**
   * Records a correct password of an attempt that `admit` admitted. It deletes the email's row,
   * which clears its failures, and takes this attempt's up-front failure back off the IP address
   * by the rule of takeBackSignInFailure, so correct sign-ins from one address do not add up
   * towards its limit. NOTE: the deleted row also held the failures of attempts on the email whose
   * passwords are still being checked, so those are not counted towards the next lock.
   */
  async recordSuccess(db: Database, attempt: SignInAttempt, admission: SignInAdmission): Promise<void> {
    await db.sql.execute("DELETE FROM sign_in_throttle WHERE key_hash = $1", [this.toKeyHash(toEmailKey(attempt.email))]);

    const countedWindowStart = admission.ipWindowStart;
    if (!attempt.ip || countedWindowStart === null) {
      return;
    }
    const hash = this.toKeyHash(toIpKey(attempt.ip));
    await db.transaction(async (sql) => {
      const [row] = await sql.query<ThrottleRow>(
        "SELECT window_start, failures, locked_until FROM sign_in_throttle WHERE key_hash = $1 FOR UPDATE",
        [hash],
      );
      // No row: it expired and was deleted, or an operator unlocked the address.
      const next = row ? takeBackSignInFailure(toFailureCount(row), countedWindowStart, this.maxFailuresPerIp) : null;
      if (next) {
        await this.writeCount(sql, hash, next);
      }
    });
  }

  /**
   * Deletes the row of one email or client IP address, which clears its failures and lifts its
   * lock at once. Returns the deleted count, or null when the key had no row.
   */
  async unlock(db: Database, key: SignInThrottleKey): Promise<FailureCount | null> {
    const text = "email" in key ? toEmailKey(key.email) : toIpKey(key.ip);

    const [row] = await db.sql.query<ThrottleRow>(
      "DELETE FROM sign_in_throttle WHERE key_hash = $1 RETURNING window_start, failures, locked_until",
      [this.toKeyHash(text)],
    );

    return row ? toFailureCount(row) : null;
  }

  /**
   * Counts one failure on every key of an attempt, inside admit's transaction, or rejects the
   * attempt without writing when any key is locked.
   */
  private async countAttempt(sql: SqlClient, current: KeyCount[], now: number): Promise<ThrottleDecision> {
    const counted: KeyCount[] = [];
    for (const { key, count } of current) {
      const next = countSignInFailure(count, now, this.toLimits(key));
      if (next === null) {
        const lockedUntil = Math.max(...current.map((row) => row.count.lockedUntil ?? 0));
        return { allowed: false, retryAfterMs: lockedUntil - now };
      }
      counted.push({ key, count: next });
    }

    for (const { key, count } of counted) {
      await this.writeCount(sql, key.hash, count);
    }
    const ipCount = counted.find(({ key }) => key.kind === "ip")?.count;
    return { allowed: true, ipWindowStart: ipCount?.windowStart ?? null };
  }

  private async writeCount(sql: SqlClient, hash: string, count: FailureCount): Promise<void> {
    await sql.execute(
      `UPDATE sign_in_throttle SET window_start = $2::timestamptz, failures = $3, locked_until = $4::timestamptz, expires_at = $5::timestamptz
       WHERE key_hash = $1`,
      [
        hash,
        toTimestamp(count.windowStart),
        count.failures,
        count.lockedUntil === null ? null : toTimestamp(count.lockedUntil),
        toTimestamp(toFailureCountExpiry(count, this.windowMs)),
      ],
    );
  }

  private toLimits(key: HashedKey): FailureLimits {
    return { maxFailures: key.maxFailures, windowMs: this.windowMs, lockoutMs: this.lockoutMs };
  }

  private toKeys(attempt: SignInAttempt): HashedKey[] {
    const email: HashedKey = { kind: "email", hash: this.toKeyHash(toEmailKey(attempt.email)), maxFailures: this.maxFailuresPerEmail };
    if (!attempt.ip) {
      return [email];
    }
    return [email, { kind: "ip", hash: this.toKeyHash(toIpKey(attempt.ip)), maxFailures: this.maxFailuresPerIp }];
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
 * Locks a key's row until the caller's transaction ends and returns its count. The upsert creates
 * a missing row as a count with no failures, which expires at once, so that a concurrent first
 * attempt on the same key waits for this one instead of inserting a second row. An attempt that
 * another process counts at the same time waits for this transaction and then counts on top of it.
 */
async function lockKeyRow(sql: SqlClient, hash: string, now: number): Promise<FailureCount> {
  const [row] = await sql.query<ThrottleRow>(
    `INSERT INTO sign_in_throttle (key_hash, window_start, failures, locked_until, expires_at)
     VALUES ($1, $2::timestamptz, 0, NULL, $2::timestamptz)
     ON CONFLICT (key_hash) DO UPDATE SET key_hash = EXCLUDED.key_hash
     RETURNING window_start, failures, locked_until`,
    [hash, toTimestamp(now)],
  );
  if (!row) throw new Error("INSERT … RETURNING on sign_in_throttle returned no row");
  return toFailureCount(row);
}

/**
 * Deletes rows whose expires_at has passed, oldest first, by the index on expires_at. It skips
 * rows that another transaction has locked. That transaction is admitting an attempt on them, and
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

function toIpKey(ip: string): string {
  return `ip:${ip}`;
}

/** Formats a time in milliseconds since the epoch for a timestamptz parameter. */
function toTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
