import { expect, test, type Locator, type Page } from "@playwright/test";

import { demoAccounts } from "./demo-accounts";

// The other member journeys report other gaps, so this one is still open whatever ran before.
const reportedGap = "Cervical cancer screening";

/** Most key presses allowed to reach one control before the test fails. */
const maxPresses = 120;

test("member tour by keyboard only", async ({ page }) => {
  await page.goto("/sign-in");

  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Skip to main content" });
  await expect(skipLink).toBeFocused();
  await expectFocusIndicator(page);
  expect((await skipLink.boundingBox())?.y, "the focused skip link is on screen").toBeGreaterThanOrEqual(0);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email")).toBeFocused();
  expect(await page.evaluate(() => document.querySelector("main")?.contains(document.activeElement)), "focus after the skip link is in main").toBe(true);

  await page.keyboard.type(demoAccounts.member.email);
  await pressUntilFocused(page, page.getByLabel("Password"));
  await page.keyboard.type(demoAccounts.member.password);
  await pressUntilFocused(page, page.getByLabel("Email"), "Shift+Tab");
  await expect(page.getByLabel("Email")).toHaveValue(demoAccounts.member.email);
  await pressUntilFocused(page, page.getByLabel("Password"));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();

  await pressUntilFocused(page, page.getByRole("table", { name: /most recent claims/ }).getByRole("link").first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Claim details" })).toBeVisible();
  await expect(page.getByRole("region", { name: "What you owe" })).toContainText("$");

  const nav = page.getByRole("navigation", { name: "Your plan" });
  await pressUntilFocused(page, nav.getByRole("link", { name: "Coverage" }), "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Your coverage" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Plan year spending" }).getByRole("rowheader", { name: "You: Deductible" })).toBeVisible();

  await pressUntilFocused(page, nav.getByRole("link", { name: "Health record" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Health record" })).toBeVisible();
  await pressUntilFocused(page, page.getByRole("navigation", { name: "Health record sections" }).getByRole("link", { name: "Lab results", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Hemoglobin A1c (HbA1c)", exact: true }).getByRole("table")).toBeVisible();

  await pressUntilFocused(page, nav.getByRole("link", { name: "Care gaps" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Care gaps" })).toBeVisible();
  const gap = page.getByRole("article", { name: reportedGap });
  await pressUntilFocused(page, gap.getByText("I had this done elsewhere"));
  await page.keyboard.press("Space");
  await pressUntilFocused(page, gap.getByLabel("Date it was done"));
  await typeDate(page, 30);
  await pressUntilFocused(page, gap.getByLabel("Where (optional)"));
  await page.keyboard.type("Mesa Women's Clinic");
  await pressUntilFocused(page, gap.getByRole("button", { name: "Send my report" }));
  await page.keyboard.press("Space");

  await expect(gap.getByRole("status").filter({ hasText: "We got your report" })).toBeVisible();
  await expect(gap.getByText("Reported, pending review")).toBeVisible();
});

/**
 * Presses `key` until `target` has focus, checking after every press that the focused element
 * shows a focus indicator. Fails after maxPresses presses.
 */
async function pressUntilFocused(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press(key);
    await expectFocusIndicator(page);
    if (await target.evaluate((element) => element === document.activeElement)) {
      return;
    }
  }
  throw new Error(`${target.toString()} did not get focus after ${maxPresses} presses of ${key}.`);
}

/** Checks that the focused element draws an outline or a box shadow, the two ways the stylesheet shows focus. */
async function expectFocusIndicator(page: Page): Promise<void> {
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) {
      return null;
    }
    const style = getComputedStyle(element);
    const label = `${element.tagName.toLowerCase()} "${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}"`;
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    return { label, indicated: outline || style.boxShadow !== "none" };
  });
  if (focused === null) {
    return;
  }
  expect(focused.indicated, `focus indicator on ${focused.label}`).toBe(true);
}

/** Types the date `days` days ago into the focused date input, month, day and year in turn (the en-US order). */
async function typeDate(page: Page, days: number): Promise<void> {
  const date = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  const day = String(date.getUTCDate()).padStart(2, "0");
  await page.keyboard.type(`${month}${day}${date.getUTCFullYear()}`);
}
