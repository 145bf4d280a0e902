import { describe, expect, it } from "vitest";

import { isSameOriginRequest } from "./is-same-origin-request";

describe("isSameOriginRequest", () => {
  it.each([
    [{ origin: "http://127.0.0.1:3204", host: "127.0.0.1:3204" }, true],
    [{ origin: "https://portal.example", host: "10.0.0.5:3000", "x-forwarded-host": "portal.example" }, true],
    [{ origin: "https://evil.example", host: "127.0.0.1:3204" }, false],
    [{ origin: "http://127.0.0.1:9999", host: "127.0.0.1:3204" }, false],
    [{ origin: "null", host: "127.0.0.1:3204" }, false],
    [{ host: "127.0.0.1:3204" }, false],
  ])("checks %j", (headers, expected) => {
    expect(isSameOriginRequest(new Headers(headers))).toBe(expected);
  });
});
