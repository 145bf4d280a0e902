import { describe, expect, it } from "vitest";

import { readSignInThrottledMinutes, toSignInThrottledCode } from "./sign-in-error-code";
import { SignInThrottle, type SignInThrottleOptions } from "./sign-in-throttle";

const minuteMs = 60 * 1000;

/** Creates a throttle with the default limits and a clock that the test moves by hand. */
function createThrottle(options: SignInThrottleOptions = {}): { throttle: SignInThrottle; advance: (ms: number) => void } {
  let now = Date.parse("2026-12-04T12:00:00Z");
  const throttle = new SignInThrottle({ now: () => now, ...options });
  return { throttle, advance: (ms) => (now += ms) };
}

function failTimes(throttle: SignInThrottle, count: number, attempt: { email: string; ip?: string }): void {
  for (let i = 0; i < count; i += 1) {
    throttle.recordFailure(attempt);
  }
}

describe("SignInThrottle", () => {
  const alma = { email: "alma@example.org" };

  it("allows four failures", () => {
    const { throttle } = createThrottle();

    failTimes(throttle, 4, alma);

    expect(throttle.check(alma)).toEqual({ allowed: true });
  });

  it("locks the email after five failures", () => {
    const { throttle } = createThrottle();

    failTimes(throttle, 5, alma);

    expect(throttle.check(alma)).toEqual({ allowed: false, retryAfterMs: 15 * minuteMs });
    expect(throttle.check({ email: " ALMA@Example.org " }).allowed).toBe(false);
    expect(throttle.check({ email: "ben@example.org" })).toEqual({ allowed: true });
  });

  it("unlocks after fifteen minutes", () => {
    const { throttle, advance } = createThrottle();
    failTimes(throttle, 5, alma);

    advance(15 * minuteMs - 1);
    expect(throttle.check(alma)).toEqual({ allowed: false, retryAfterMs: 1 });

    advance(1);
    expect(throttle.check(alma)).toEqual({ allowed: true });
  });

  it("does not extend a lockout with failures", () => {
    const { throttle, advance } = createThrottle();
    failTimes(throttle, 5, alma);

    advance(10 * minuteMs);
    failTimes(throttle, 3, alma);
    advance(5 * minuteMs);

    expect(throttle.check(alma)).toEqual({ allowed: true });
  });

  it("counts afresh after a lockout ends", () => {
    const { throttle, advance } = createThrottle();
    failTimes(throttle, 5, alma);
    advance(15 * minuteMs);

    failTimes(throttle, 4, alma);
    expect(throttle.check(alma).allowed).toBe(true);

    throttle.recordFailure(alma);
    expect(throttle.check(alma).allowed).toBe(false);
  });

  it("forgets failures older than the window", () => {
    const { throttle, advance } = createThrottle();
    failTimes(throttle, 4, alma);

    advance(15 * minuteMs);
    throttle.recordFailure(alma);

    expect(throttle.check(alma)).toEqual({ allowed: true });
  });

  it("clears the email's failures on success", () => {
    const { throttle } = createThrottle();
    failTimes(throttle, 4, alma);

    throttle.recordSuccess(alma);
    throttle.recordFailure(alma);

    expect(throttle.check(alma)).toEqual({ allowed: true });
  });

  it("locks an IP address across emails", () => {
    const { throttle } = createThrottle({ maxFailuresPerIp: 8 });

    for (let i = 0; i < 8; i += 1) {
      throttle.recordFailure({ email: `member-${i}@example.org`, ip: "203.0.113.7" });
    }

    expect(throttle.check({ email: "new@example.org", ip: "203.0.113.7" }).allowed).toBe(false);
    expect(throttle.check({ email: "new@example.org", ip: "203.0.113.8" })).toEqual({ allowed: true });
    expect(throttle.check({ email: "member-0@example.org" })).toEqual({ allowed: true });
  });

  it("keeps the IP count after a success", () => {
    const { throttle } = createThrottle({ maxFailuresPerIp: 3 });
    const ip = "203.0.113.7";
    failTimes(throttle, 2, { email: "a@example.org", ip });

    throttle.recordSuccess({ email: "b@example.org", ip });
    throttle.recordFailure({ email: "c@example.org", ip });

    expect(throttle.check({ email: "d@example.org", ip }).allowed).toBe(false);
  });

  it("evicts expired entries first", () => {
    const { throttle, advance } = createThrottle({ maxEntries: 3 });
    failTimes(throttle, 5, alma);
    throttle.recordFailure({ email: "old-1@example.org" });
    throttle.recordFailure({ email: "old-2@example.org" });

    advance(16 * minuteMs);
    failTimes(throttle, 5, { email: "ben@example.org" });
    throttle.recordFailure({ email: "new@example.org" });

    expect(throttle.size).toBe(2);
    expect(throttle.check({ email: "ben@example.org" }).allowed).toBe(false);
  });

  it("bounds entries under a spray", () => {
    const { throttle } = createThrottle({ maxEntries: 100 });
    failTimes(throttle, 5, alma);

    for (let i = 0; i < 1000; i += 1) {
      throttle.recordFailure({ email: `spray-${i}@example.org` });
    }

    expect(throttle.size).toBe(100);
    expect(throttle.check({ email: "spray-999@example.org" })).toEqual({ allowed: true });
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
