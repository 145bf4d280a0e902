import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";
import { expectNoHorizontalOverflow } from "./expect-no-horizontal-overflow";

test.use({ viewport: { width: 375, height: 812 } });

test("member pages fit a 375 px phone", async ({ page }) => {
  await signIn(page, demoAccounts.member);

  await page.goto("/member/claims");
  const table = page.getByRole("table", { name: /Your claims/ });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("claims-375.png"), fullPage: true });

  await table.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Claim details" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath("claim-detail-375.png"), fullPage: true });

  await page.goto("/member/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Profile and preferences" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath("profile-375.png"), fullPage: true });

  await page.goto("/member/dependents");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("dependents-375.png"), fullPage: true });
});
