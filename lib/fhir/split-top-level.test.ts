import { describe, expect, it } from "vitest";

import { splitTopLevel } from "./split-top-level";

describe("splitTopLevel", () => {
  it("keeps dots inside calls and quotes", () => {
    expect(splitTopLevel("a.where(b='x.y').c", ".")).toEqual(["a", "where(b='x.y')", "c"]);
  });

  it("splits a union at top-level bars only", () => {
    expect(splitTopLevel("A.code | B.x.where(c = 'p|q') | (C.d | C.e)", "|")).toEqual([
      "A.code ",
      " B.x.where(c = 'p|q') ",
      " (C.d | C.e)",
    ]);
  });

  it("returns the whole expression without a separator", () => {
    expect(splitTopLevel("Patient.name", "|")).toEqual(["Patient.name"]);
  });
});
