import { describe, expect, it } from "vitest";

import { toMemberEmail } from "./to-member-email";

describe("toMemberEmail", () => {
  const cases = [
    { name: "Adán Portillo", id: "22bbe238-220e-495c-8abc-0ce3aa28a605", expected: "adan-portillo-22bbe238@members.lakeview.example" },
    { name: "Clarine O'Keefe", id: "e8c2a98e-6524-46cc-8d3b-48bc91f7cd2d", expected: "clarine-okeefe-e8c2a98e@members.lakeview.example" },
    { name: "María Eugenia Medina", id: "ab-1", expected: "maria-eugenia-medina-ab1@members.lakeview.example" },
    { name: null, id: "Patient1", expected: "member-patient1@members.lakeview.example" },
    { name: "  ", id: "x", expected: "member-x@members.lakeview.example" },
  ];

  it.each(cases)("makes $expected", ({ name, id, expected }) => {
    expect(toMemberEmail(name, id)).toBe(expected);
  });
});
