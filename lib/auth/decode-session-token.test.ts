import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";

import { decodeSessionToken } from "./decode-session-token";

const secret = "a-test-secret-of-at-least-32-characters";
const claims = { sub: "user-1", auth_time: 1_767_225_600, name: "Test Member" };

describe("decodeSessionToken", () => {
  it("decodes what next-auth encodes", async () => {
    const token = await encode({ token: claims, secret });

    const decoded = await decodeSessionToken({ token, secret });

    expect(decoded).toEqual(await decode({ token, secret }));
    expect(decoded).toMatchObject(claims);
  });

  it("decodes after the secret changes", async () => {
    const other = "another-test-secret-of-32-characters!";
    await decodeSessionToken({ token: await encode({ token: claims, secret }), secret });

    const decoded = await decodeSessionToken({ token: await encode({ token: claims, secret: other }), secret: other });

    expect(decoded).toMatchObject(claims);
  });

  it("rejects another secret's token", async () => {
    const token = await encode({ token: claims, secret: "another-test-secret-of-32-characters!" });

    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it("rejects an expired token", async () => {
    const token = await encode({ token: claims, secret, maxAge: -60 });

    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it("returns null without a token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
