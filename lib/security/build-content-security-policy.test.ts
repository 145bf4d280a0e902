import { describe, expect, it } from "vitest";

import { buildContentSecurityPolicy } from "./build-content-security-policy";

const base = { nonce: "bm9uY2U=", development: false, formAction: true, https: false };

describe("buildContentSecurityPolicy", () => {
  it("allows scripts only with the nonce", () => {
    expect(buildContentSecurityPolicy(base)).toBe(
      "default-src 'self'; script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
    );
  });

  it("allows eval only in development", () => {
    expect(buildContentSecurityPolicy({ ...base, development: true })).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic' 'unsafe-eval';");
  });

  it("drops form-action for the SMART consent page", () => {
    expect(buildContentSecurityPolicy({ ...base, formAction: false })).not.toContain("form-action");
  });

  it("upgrades requests over HTTPS", () => {
    expect(buildContentSecurityPolicy({ ...base, https: true })).toMatch(/; upgrade-insecure-requests$/);
  });
});
