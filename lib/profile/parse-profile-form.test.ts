import { describe, expect, it } from "vitest";

import { normalizeUsPhone } from "./profile-form-schema";
import { parseProfileForm } from "./parse-profile-form";

const valid = {
  phone: "(602) 555-0142",
  email: "member@example.org",
  line1: "1200 N Central Ave",
  line2: "Apt 4B",
  city: "Phoenix",
  state: "AZ",
  postalCode: "85004",
  language: "es",
  contactMethod: "email",
  paperless: "on",
  version: "3",
};

function formOf(fields: Record<string, string | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) form.set(name, value);
  }
  return form;
}

describe("parseProfileForm", () => {
  it("accepts a complete form and normalizes it", () => {
    const result = parseProfileForm(formOf({ ...valid, phone: "+1 602.555.0142", state: "az", email: "  member@example.org " }));

    expect(result).toEqual({
      ok: true,
      values: { ...valid, phone: "(602) 555-0142", state: "AZ", email: "member@example.org", paperless: true },
    });
  });

  it("reads an absent checkbox as paper statements", () => {
    const result = parseProfileForm(formOf({ ...valid, paperless: undefined }));

    expect(result.ok && result.values.paperless).toBe(false);
  });

  it.each([
    ["phone", { phone: "555-0142" }, "phoneInvalid"],
    ["phone", { phone: "(102) 555-0142" }, "phoneInvalid"],
    ["phone", { phone: "602-555-0142 ext 9" }, "phoneInvalid"],
    ["email", { email: "member@" }, "emailInvalid"],
    ["email", { email: `${"a".repeat(250)}@example.org` }, "emailInvalid"],
    ["line1", { line1: "   " }, "line1Missing"],
    ["line1", { line1: "x".repeat(101) }, "lineTooLong"],
    ["line2", { line2: "x".repeat(101) }, "lineTooLong"],
    ["city", { city: "" }, "cityMissing"],
    ["city", { city: "x".repeat(61) }, "cityTooLong"],
    ["city", { city: "Zürich\u0000x" }, "citySpecialCharacters"],
    ["city", { city: "Zürich\u001Bx" }, "citySpecialCharacters"],
    ["line1", { line1: "1 Main\u0000St" }, "line1SpecialCharacters"],
    ["line1", { line1: "1 Main\u007FSt" }, "line1SpecialCharacters"],
    ["line2", { line2: "Apt\u0085 4B" }, "line2SpecialCharacters"],
    ["state", { state: "Arizona" }, "stateInvalid"],
    ["postalCode", { postalCode: "8500" }, "postalCodeInvalid"],
    ["postalCode", { postalCode: "85004-12" }, "postalCodeInvalid"],
    ["language", { language: "fr" }, "languageInvalid"],
    ["contactMethod", { contactMethod: "fax" }, "contactMethodInvalid"],
    ["paperless", { paperless: "yes" }, "paperlessInvalid"],
    ["version", { version: "" }, "versionMissing"],
  ])("rejects %s %j", (field, change, code) => {
    const result = parseProfileForm(formOf({ ...valid, ...change }));

    expect(result).toEqual({ ok: false, errors: { [field]: code } });
  });

  it.each([
    [{ phone: "", contactMethod: "phone" }, { phone: "phoneNeededForContact" }],
    [{ phone: "", contactMethod: "text" }, { phone: "phoneNeededForContact" }],
    [{ email: "", contactMethod: "email", paperless: undefined }, { email: "emailNeededForContact" }],
    [{ email: "", contactMethod: "mail" }, { email: "emailNeededForPaperless" }],
  ])("requires the contact point a preference needs: %j", (change, errors) => {
    const result = parseProfileForm(formOf({ ...valid, ...change }));

    expect(result).toEqual({ ok: false, errors });
  });

  it("reports every invalid field at once", () => {
    const result = parseProfileForm(formOf({ ...valid, phone: "12", city: "", postalCode: "x" }));

    expect(result).toEqual({ ok: false, errors: { phone: "phoneInvalid", city: "cityMissing", postalCode: "postalCodeInvalid" } });
  });
});

describe("normalizeUsPhone", () => {
  it.each([
    ["6025550142", "(602) 555-0142"],
    ["1-602-555-0142", "(602) 555-0142"],
    ["(602)555-0142", "(602) 555-0142"],
    ["602 155 0142", null],
    ["+44 20 7946 0958", null],
    ["602-555-O142", null],
  ])("normalizes %s", (text, expected) => {
    expect(normalizeUsPhone(text)).toBe(expected);
  });
});
