/** One page of a longer list. */
export interface ItemPage<T> {
  items: T[];
  /** 1-based number of this page, clamped to the pages that exist. */
  page: number;
  pageCount: number;
  total: number;
}

/** How many rows a long health-record list shows per page. */
export const healthRecordPageSize = 50;

/** Returns page `page` (1-based) of `items`; a page past the end returns the last page. */
export function pageItems<T>(items: T[], page: number, size: number = healthRecordPageSize): ItemPage<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const start = (current - 1) * size;
  return { items: items.slice(start, start + size), page: current, pageCount, total: items.length };
}

/** Reads a `page` search parameter; anything but a positive whole number means page 1. */
export function parsePageNumber(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^[1-9]\d{0,5}$/.test(text) ? Number(text) : 1;
}
