import { describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "./hash-password";

describe("hashPassword", () => {
  it("produces an Argon2id PHC string", async () => {
    const hash = await hashPassword("correct horse battery staple");

    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("salts each hash", async () => {
    const first = await hashPassword("correct horse battery staple");
    const second = await hashPassword("correct horse battery staple");

    expect(first).not.toBe(second);
  });
});

describe("verifyPassword", () => {
  it("accepts the right password", async () => {
    const hash = await hashPassword("correct horse battery staple");

    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
  });

  it("rejects a wrong password", async () => {
    const hash = await hashPassword("correct horse battery staple");

    expect(await verifyPassword(hash, "correct horse battery stapler")).toBe(false);
  });

  it("rejects a malformed hash", async () => {
    expect(await verifyPassword("not-a-phc-string", "anything at all")).toBe(false);
  });
});
