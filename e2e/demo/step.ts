import { test as base, type Page } from "@playwright/test";

/** Runs one step of a demo journey: `title` is what the audience is shown, `body` does it and waits on what appears. */
export type DemoStep = (title: string, body: () => Promise<void>) => Promise<void>;

export interface DemoOptions {
  /** Saves a screenshot of the page after each step; playwright.demo.config.ts turns it on, the test suite leaves it off. */
  stepScreenshots: boolean;
}

/**
 * The Playwright test of the demo journeys, with a `step` fixture. Each step is a test step, so it
 * shows in the reporter and in the trace. With stepScreenshots on, a step also saves NN-slug.png
 * in the test's output folder, numbered in the order the steps ran.
 */
export const test = base.extend<DemoOptions & { step: DemoStep }>({
  stepScreenshots: [false, { option: true }],
  step: async ({ page, stepScreenshots }, provide) => {
    let count = 0;
    await provide(async (title, body) => {
      count += 1;
      const fileName = `${String(count).padStart(2, "0")}-${toSlug(title)}.png`;
      await test.step(title, async () => {
        await body();
        if (stepScreenshots) {
          await saveScreenshot(page, fileName);
        }
      });
    });
  },
});

export { expect } from "@playwright/test";

async function saveScreenshot(page: Page, fileName: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(fileName), fullPage: true });
}

/** Turns a step title into a file name part: lowercase ASCII words joined by hyphens. */
function toSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
