import { describe, expect, it } from "vitest";

import { readAuthSecret } from "./read-auth-secret";

describe("readAuthSecret", () => {
  it("returns a long enough secret", () => {
    const secret = "a".repeat(43);

    expect(readAuthSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: secret })).toBe(secret);
  });

  it("rejects a missing secret in development too", () => {
    expect(() => readAuthSecret({ NODE_ENV: "development" })).toThrow(/^NEXTAUTH_SECRET is not set\. Set it to a random string/);
  });

  it("rejects a short secret", () => {
    expect(() => readAuthSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: "short" })).toThrow(
      "NEXTAUTH_SECRET is 5 characters long; use a random string of at least 32.",
    );
  });
});
