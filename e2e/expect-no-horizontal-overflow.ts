import { expect, type Page } from "@playwright/test";

/** Fails when the page is wider than the viewport, which makes a phone scroll sideways. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));

  expect(widths.scroll, `page wider than the ${widths.viewport}px viewport on ${page.url()}`).toBeLessThanOrEqual(widths.viewport);
}
