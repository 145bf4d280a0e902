import { describe, expect, it } from "vitest";

import { toMemberEmail } from "./to-member-email";

describe("toMemberEmail", () => {
  const cases = [
    { name: "Adán Portillo", id: "22bbe238-220e-495c-8abc-0ce3aa28a605", expected: "adan-portillo-22bbe238@members.lakeview.example" },
    { name: "Clarine O'Keefe", id: "E8C2A98E-6524-46CC-8D3B-48BC91F7CD2D", expected: "clarine-okeefe-e8c2a98e@members.lakeview.example" },
    { name: "María Eugenia Medina", id: "ab-1", expected: "maria-eugenia-medina-ab-1@members.lakeview.example" },
    { name: "Ana Ruiz", id: "demo-pat-0001", expected: "ana-ruiz-demo-pat-0001@members.lakeview.example" },
    { name: "Ana Ruiz", id: "demo-pat-0002", expected: "ana-ruiz-demo-pat-0002@members.lakeview.example" },
    { name: "Ana Ruiz", id: "Synthea.Patient..7", expected: "ana-ruiz-synthea-patient-7@members.lakeview.example" },
    { name: null, id: "Patient1", expected: "member-patient1@members.lakeview.example" },
    { name: "  ", id: "x", expected: "member-x@members.lakeview.example" },
    {
      name: "Maximiliana Evangelina Bartholomew-Fitzgerald Ortiz",
      id: "p1",
      expected: "maximiliana-evangelina-bartholomew-fitzg-p1@members.lakeview.example",
    },
    {
      name: "Alma Reyes",
      id: "a".repeat(60),
      expected: `alm-${"a".repeat(60)}@members.lakeview.example`,
    },
    { name: "Alma Reyes", id: "b".repeat(64), expected: `${"b".repeat(64)}@members.lakeview.example` },
  ];

  it.each(cases)("makes $expected", ({ name, id, expected }) => {
    expect(toMemberEmail(name, id)).toBe(expected);
  });

  it("keeps demo ids of one name apart", () => {
    const emails = ["demo-pat-0001", "demo-pat-0002", "demo-pat-0010"].map((id) => toMemberEmail("Ana Ruiz", id));

    expect(new Set(emails).size).toBe(3);
  });

  it("keeps the local part within 64 characters", () => {
    const email = toMemberEmail("A very long name ".repeat(10), "c".repeat(64));

    expect(email.indexOf("@")).toBeLessThanOrEqual(64);
  });
});
