import { describe, expect, it } from "vitest";

import { pageItems, parsePageNumber } from "./page-items";

describe("pageItems", () => {
  const items = Array.from({ length: 120 }, (_, index) => index);

  it("returns the requested page", () => {
    const page = pageItems(items, 2);

    expect(page.items).toEqual(items.slice(50, 100));
    expect(page.page).toBe(2);
    expect(page.pageCount).toBe(3);
    expect(page.total).toBe(120);
  });

  it("clamps a page past the end", () => {
    expect(pageItems(items, 9).page).toBe(3);
  });

  it("gives one page for no items", () => {
    expect(pageItems([], 1)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });
});

describe("parsePageNumber", () => {
  const cases: { input: string | string[] | undefined; expected: number }[] = [
    { input: "3", expected: 3 },
    { input: ["4", "5"], expected: 4 },
    { input: undefined, expected: 1 },
    { input: "0", expected: 1 },
    { input: "-2", expected: 1 },
    { input: "2.5", expected: 1 },
    { input: "1e3", expected: 1 },
    { input: "9999999", expected: 1 },
  ];

  it.each(cases)("reads $input as $expected", ({ input, expected }) => {
    expect(parsePageNumber(input)).toBe(expected);
  });
});
