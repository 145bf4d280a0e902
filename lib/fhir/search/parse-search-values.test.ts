import { describe, expect, it } from "vitest";

import { decodePageToken, encodePageToken } from "./page-token";
import { parseNumberValue, parseQuantityValue, parseReferenceValue, parseTokenValue, splitSearchValues } from "./parse-search-values";

describe("splitSearchValues", () => {
  it.each<[text: string, expected: string[]]>([
    ["a,b", ["a", "b"]],
    ["a\\,b,c", ["a,b", "c"]],
    ["a\\\\,b", ["a\\", "b"]],
    ["", [""]],
  ])("%s", (text, expected) => {
    expect(splitSearchValues(text)).toEqual(expected);
  });
});

describe("parseTokenValue", () => {
  it.each([
    ["code", { code: "code" }],
    ["sys|code", { system: "sys", code: "code" }],
    ["|code", { system: "", code: "code" }],
    ["sys|", { system: "sys", code: undefined }],
    ["a\\|b", { code: "a\\|b" }],
  ])("%s", (text, expected) => {
    expect(parseTokenValue(text)).toEqual(expected);
  });
});

describe("parseNumberValue", () => {
  it.each([
    ["100", { prefix: "eq", value: 100, low: 99.5, high: 100.5 }],
    ["gt5.40", { prefix: "gt", value: 5.4, low: 5.395, high: 5.405 }],
    ["-3", { prefix: "eq", value: -3, low: -3.5, high: -2.5 }],
  ])("%s", (text, expected) => {
    const parsed = parseNumberValue("p", text);

    expect(parsed.prefix).toBe(expected.prefix);
    expect(parsed.value).toBe(expected.value);
    expect(parsed.low).toBeCloseTo(expected.low, 10);
    expect(parsed.high).toBeCloseTo(expected.high, 10);
  });
});

describe("parseQuantityValue", () => {
  it("reads system and code", () => {
    expect(parseQuantityValue("q", "le5.4|http://unitsofmeasure.org|mg")).toMatchObject({ prefix: "le", value: 5.4, system: "http://unitsofmeasure.org", code: "mg" });
  });

  it("rejects a single bar", () => {
    expect(() => parseQuantityValue("q", "5|mg")).toThrow('Search parameter "q" has the value "5|mg", which has one "|"');
  });
});

describe("parseReferenceValue", () => {
  const base = "https://lakeview.test/fhir/R4";

  it.each([
    ["123", undefined, { targetType: undefined, targetId: "123" }],
    ["123", "Patient", { targetType: "Patient", targetId: "123" }],
    ["Patient/123", undefined, { targetType: "Patient", targetId: "123" }],
    ["Patient/123/_history/2", undefined, { targetType: "Patient", targetId: "123" }],
    [`${base}/Patient/123`, undefined, { targetType: "Patient", targetId: "123" }],
    ["https://other.example/Patient/123", undefined, { url: "https://other.example/Patient/123" }],
  ])("%s", (text, targetType, expected) => {
    expect(parseReferenceValue(text, base, targetType)).toEqual(expected);
  });
});

describe("page tokens", () => {
  it("round-trips an offset", () => {
    expect(decodePageToken(encodePageToken(40))).toBe(40);
  });

  it.each(["", "abc", Buffer.from("o-1").toString("base64url"), Buffer.from("o1e3").toString("base64url")])("rejects %j", (token) => {
    expect(() => decodePageToken(token)).toThrow("did not issue");
  });
});
