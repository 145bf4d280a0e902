/** Failed sign-ins of one throttle key, with times in milliseconds since the epoch. */
export interface FailureCount {
  /** Start of the window in which `failures` were counted. */
  windowStart: number;
  failures: number;
  /** End of the lockout, or null while the key is not locked. */
  lockedUntil: number | null;
}

/** Limits of one throttle key, in failures and milliseconds. */
export interface FailureLimits {
  /** Failures within `windowMs` that lock the key. */
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
}

/**
 * Counts one failed sign-in on a key and returns its new count, or null when the key is locked at
 * `now`: failures while locked are not counted, so a lockout does not extend itself. Counting
 * starts afresh once the window has passed or a lockout has ended, and on a count with no
 * failures, such as a new row. The key locks for `lockoutMs` when its count reaches `maxFailures`.
 */
export function countSignInFailure(previous: FailureCount | undefined, now: number, limits: FailureLimits): FailureCount | null {
  if (previous?.lockedUntil != null && previous.lockedUntil > now) {
    return null;
  }

  const windowOpen =
    previous !== undefined && previous.failures > 0 && previous.lockedUntil === null && now - previous.windowStart < limits.windowMs;
  const windowStart = windowOpen ? previous.windowStart : now;
  const failures = windowOpen ? previous.failures + 1 : 1;
  const lockedUntil = failures >= limits.maxFailures ? now + limits.lockoutMs : null;
  return { windowStart, failures, lockedUntil };
}

/**
 * Takes back one failure that countSignInFailure counted in the window starting at
 * `countedWindowStart`, because that attempt turned out to be a correct sign-in. Returns the new
 * count, or null when there is nothing to take back: a later window has started, so the count no
 * longer contains that failure. Failures never go below 0. The key stays locked only while the
 * failures left still reach `maxFailures`. A locked key counts nothing more, so the count that
 * locked it includes the failure taken back, and the lock is lifted unless `maxFailures` was
 * lowered since it was set.
 */
export function takeBackSignInFailure(count: FailureCount, countedWindowStart: number, maxFailures: number): FailureCount | null {
  if (count.windowStart !== countedWindowStart || count.failures === 0) {
    return null;
  }

  const failures = count.failures - 1;
  const lockedUntil = failures >= maxFailures ? count.lockedUntil : null;
  return { windowStart: count.windowStart, failures, lockedUntil };
}

/** Returns when a count stops mattering: the later of its window's end and its lockout's end. */
export function toFailureCountExpiry(count: FailureCount, windowMs: number): number {
  return Math.max(count.windowStart + windowMs, count.lockedUntil ?? 0);
}
