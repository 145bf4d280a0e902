import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

test.use({ colorScheme: "dark" });

test("member pages keep contrast in dark mode", async ({ page }) => {
  await signIn(page, demoAccounts.member);

  for (const path of ["/member", "/member/claims", "/member/coverage", "/member/health", "/member/health/labs", "/member/profile"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background, `page background of ${path}`).toBe("rgb(18, 22, 26)");
    await expectAccessible(page);
  }
  await page.screenshot({ path: test.info().outputPath("profile-dark.png"), fullPage: true });
});

test("care manager pages keep contrast in dark mode", async ({ page }) => {
  await signIn(page, demoAccounts.careManager);

  for (const path of ["/care/evidence", "/care"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }

  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/care\/members\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
});
