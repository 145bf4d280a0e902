import { describe, expect, it } from "vitest";

import { toCsv } from "./to-csv";

describe("toCsv", () => {
  it.each([
    ["plain text", "abc", "abc"],
    ["a comma", "a,b", '"a,b"'],
    ["a quote", 'say "hi"', '"say ""hi"""'],
    ["a line break", "a\nb", '"a\nb"'],
    ["a formula", "=HYPERLINK(\"http://x\")", '"\'=HYPERLINK(""http://x"")"'],
    ["a plus formula", "+1+cmd", "\"'+1+cmd\""],
    ["a minus formula", "-2+3", "\"'-2+3\""],
    ["an at sign", "@SUM(A1)", "\"'@SUM(A1)\""],
    ["a leading tab", "\t=1", "\"'\t=1\""],
    ["a negative number", "-12.50", "-12.50"],
    ["a signed exponent", "+1.5e-3", "+1.5e-3"],
    ["an empty string", "", ""],
  ])("writes %s", (_case, value, field) => {
    expect(toCsv(["c"], [[value]])).toBe(`c\r\n${field}\r\n`);
  });

  it("writes NULL as an empty field", () => {
    expect(toCsv(["a", "b"], [[null, "x"]])).toBe("a,b\r\n,x\r\n");
  });

  it("escapes header names", () => {
    expect(toCsv(["a,b", "=c"], [])).toBe("\"a,b\",\"'=c\"\r\n");
  });
});
