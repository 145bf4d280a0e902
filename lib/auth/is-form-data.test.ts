import { describe, expect, it } from "vitest";

import { isFormData, isFormState } from "./is-form-data";

describe("isFormData", () => {
  it("accepts a submitted form", () => {
    expect(isFormData(new FormData())).toBe(true);
  });

  it.each([["a string", "Patient/p-1"], ["an object", { patientId: "p-1" }], ["an array", ["p-1"]], ["null", null], ["undefined", undefined], ["a number", 7]])(
    "rejects %s sent in a forged call",
    (_name, value) => {
      expect(isFormData(value)).toBe(false);
    },
  );
});

describe("isFormState", () => {
  it("accepts a state with a submission count", () => {
    expect(isFormState({ status: "idle", submissions: 0 })).toBe(true);
  });

  it.each([["a string", "idle"], ["an object without a count", { status: "idle" }], ["a text count", { submissions: "1" }], ["null", null], ["FormData", new FormData()]])("rejects %s", (_name, value) => {
    expect(isFormState(value)).toBe(false);
  });
});
