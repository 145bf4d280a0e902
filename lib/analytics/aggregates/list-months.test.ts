import { describe, expect, it } from "vitest";

import { listMonths } from "./list-months";

describe("listMonths", () => {
  it.each([
    ["calendar year", "2026-01-01", "2026-12-31", 12, "2026-01", "2026-12"],
    ["plan year from July", "2025-07-01", "2026-06-30", 12, "2025-07", "2026-06"],
    ["single day", "2026-03-04", "2026-03-04", 1, "2026-03", "2026-03"],
    ["range ending early", "2026-01-01", "2026-04-15", 4, "2026-01", "2026-04"],
  ])("lists the months of a %s", (_, firstDay, lastDay, count, first, last) => {
    const months = listMonths(firstDay, lastDay);

    expect(months).toHaveLength(count);
    expect(months[0]).toBe(first);
    expect(months.at(-1)).toBe(last);
  });

  it("returns nothing when the range ends before it starts", () => {
    expect(listMonths("2026-05-01", "2026-04-30")).toEqual([]);
  });
});
