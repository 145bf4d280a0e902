/** Failed sign-ins one email may have within `windowMs` before it is locked. */
export const maxFailuresPerEmail = 5;

/**
 * Failed sign-ins one client IP address may have within `windowMs` before it is locked. Higher
 * than the per-email limit so that members behind one NAT or office proxy can each mistype a few
 * times. NOTE: a guess, not sized from traffic.
 */
export const maxFailuresPerIp = 20;

const fifteenMinutesMs = 15 * 60 * 1000;

/** Settings of a SignInThrottle; tests shorten them or inject a clock. */
export interface SignInThrottleOptions {
  maxFailuresPerEmail?: number;
  maxFailuresPerIp?: number;
  /** Period, in milliseconds, over which failures are counted. */
  windowMs?: number;
  /** Lockout duration, in milliseconds, after a key reaches its limit. */
  lockoutMs?: number;
  /** Maximum number of tracked keys; the oldest are evicted beyond it. */
  maxEntries?: number;
  /** Clock, in milliseconds since the epoch. */
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

interface FailureRecord {
  /** Start of the counting window, in milliseconds since the epoch. */
  windowStart: number;
  failures: number;
  /** End of the lockout, or 0 when the key is not locked. */
  lockedUntil: number;
}

/**
 * Counts failed sign-ins per email and per client IP address and locks a key for `lockoutMs` once
 * it reaches its failure limit within `windowMs`. A locked attempt is rejected before the password
 * is checked, so guessing stops even for the right password. Emails that have no account are
 * counted the same way, so a lockout does not reveal which emails exist.
 *
 * NOTE: the counts live in this server process only. Several processes or a restart each start
 * from zero, so with N processes an attacker gets up to N times the limit.
 */
export class SignInThrottle {
  private readonly maxFailuresPerEmail: number;
  private readonly maxFailuresPerIp: number;
  private readonly windowMs: number;
  private readonly lockoutMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Records by key, in order of their last change, so the first entry is the oldest. */
  private readonly records = new Map<string, FailureRecord>();

  constructor(options: SignInThrottleOptions = {}) {
    this.maxFailuresPerEmail = options.maxFailuresPerEmail ?? maxFailuresPerEmail;
    this.maxFailuresPerIp = options.maxFailuresPerIp ?? maxFailuresPerIp;
    this.windowMs = options.windowMs ?? fifteenMinutesMs;
    this.lockoutMs = options.lockoutMs ?? fifteenMinutesMs;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Tells whether an attempt may check its password, or how long until its key is unlocked. */
  check(attempt: SignInAttempt): ThrottleDecision {
    const now = this.now();
    let retryAfterMs = 0;
    for (const key of toKeys(attempt)) {
      const record = this.records.get(key);
      if (record && record.lockedUntil > now) {
        retryAfterMs = Math.max(retryAfterMs, record.lockedUntil - now);
      }
    }
    return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
  }

  /** Counts a wrong password or unknown email, and locks each key that reaches its limit. */
  recordFailure(attempt: SignInAttempt): void {
    const now = this.now();
    for (const key of toKeys(attempt)) {
      const previous = this.records.get(key);
      if (previous && previous.lockedUntil > now) {
        // Failures while locked are not counted, so a lockout does not extend itself.
        continue;
      }
      const windowOpen = previous !== undefined && previous.lockedUntil === 0 && now - previous.windowStart < this.windowMs;
      const record = windowOpen ? previous : { windowStart: now, failures: 0, lockedUntil: 0 };
      record.failures += 1;
      if (record.failures >= (key.startsWith("ip:") ? this.maxFailuresPerIp : this.maxFailuresPerEmail)) {
        record.lockedUntil = now + this.lockoutMs;
      }
      this.records.delete(key);
      this.records.set(key, record);
    }
    this.evict(now);
  }

  /** Clears the email's failures after a correct password. The IP address keeps its count. */
  recordSuccess(attempt: SignInAttempt): void {
    this.records.delete(toEmailKey(attempt.email));
  }

  /** Number of tracked keys. */
  get size(): number {
    return this.records.size;
  }

  private evict(now: number): void {
    if (this.records.size <= this.maxEntries) {
      return;
    }
    for (const [key, record] of this.records) {
      if (record.lockedUntil <= now && now - record.windowStart >= this.windowMs) {
        this.records.delete(key);
      }
    }
    // Still full of live records: drop the least recently changed ones. An attacker who sprays
    // many emails can so evict a lockout early, but every eviction costs them a failed attempt.
    for (const key of this.records.keys()) {
      if (this.records.size <= this.maxEntries) {
        break;
      }
      this.records.delete(key);
    }
  }
}

function toEmailKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

function toKeys(attempt: SignInAttempt): string[] {
  return attempt.ip ? [toEmailKey(attempt.email), `ip:${attempt.ip}`] : [toEmailKey(attempt.email)];
}
