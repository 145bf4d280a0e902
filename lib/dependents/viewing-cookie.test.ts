import { describe, expect, it } from "vitest";

import { readViewingCookie, signViewingCookie } from "./viewing-cookie";

const secret = "a-test-secret-that-is-long-enough-1234";

describe("readViewingCookie", () => {
  it("reads a value signed for the account", () => {
    expect(readViewingCookie(signViewingCookie("user-1", "child-12", secret), "user-1", secret)).toBe("child-12");
  });

  it("keeps patient ids that contain dots", () => {
    expect(readViewingCookie(signViewingCookie("user-1", "a.b.c", secret), "user-1", secret)).toBe("a.b.c");
  });

  it.each([
    ["another account", signViewingCookie("user-2", "child-12", secret)],
    ["an edited patient id", signViewingCookie("user-1", "child-12", secret).replace("child-12", "stranger")],
    ["another secret", signViewingCookie("user-1", "child-12", `${secret}-rotated`)],
    ["no signature", "child-12"],
    ["an empty signature", "child-12."],
    ["an empty value", ""],
    ["no value", undefined],
  ])("rejects a value from %s", (_case, value) => {
    expect(readViewingCookie(value, "user-1", secret)).toBeNull();
  });
});
