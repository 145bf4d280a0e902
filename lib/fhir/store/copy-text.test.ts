import { describe, expect, it } from "vitest";

import { copyJsonText, copyText } from "./copy-text";

describe("copyText", () => {
  it.each([
    ["plain", "plain"],
    ["a\\b", "a\\\\b"],
    ["tab\there", "tab\\there"],
    ["line\nbreak\r", "line\\nbreak\\r"],
    ["ü and \\N", "ü and \\\\N"],
  ])("escapes %j", (value, expected) => {
    expect(copyText(value)).toBe(expected);
  });
});

describe("copyJsonText", () => {
  it("doubles the backslashes of JSON escapes", () => {
    const json = JSON.stringify({ text: 'say "hi"\n\tand \\ go' });

    expect(copyJsonText(json)).toBe(copyText(json));
  });

  it("returns JSON without backslashes as it is", () => {
    expect(copyJsonText('{"a":"b"}')).toBe('{"a":"b"}');
  });
});
