import { describe, expect, it } from "vitest";

import { toSafeCallbackPath } from "./to-safe-callback-path";

describe("toSafeCallbackPath", () => {
  it.each<[value: unknown, expected: string]>([
    ["/oauth/authorize?client_id=a&state=b", "/oauth/authorize?client_id=a&state=b"],
    ["/", "/"],
    ["//attacker.test/", "/"],
    ["/\\attacker.test/", "/"],
    ["https://attacker.test/", "/"],
    ["oauth/authorize", "/"],
    [undefined, "/"],
    [["/a", "/b"], "/"],
  ])("maps %j to %s", (value, expected) => {
    expect(toSafeCallbackPath(value)).toBe(expected);
  });
});
