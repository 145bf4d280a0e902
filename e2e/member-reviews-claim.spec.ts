import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

test("member reviews a claim and its cost", async ({ page }) => {
  await signIn(page, demoAccounts.member);

  await page.getByRole("navigation", { name: "Your plan" }).getByRole("link", { name: "Claims" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();
  const table = page.getByRole("table", { name: /Your claims/ });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Showing claims 1 to \d+ of \d+\.$/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("1-claims-list.png"), fullPage: true });
  await expectAccessible(page);

  await page.getByLabel("Type").selectOption({ label: "Doctor or clinician" });
  await page.getByRole("button", { name: "Show claims" }).click();
  await expect(page).toHaveURL(/\/member\/claims\?type=professional$/);
  await expect(page.getByRole("status").filter({ hasText: /^Showing/ })).toBeVisible();
  const typeCells = table.getByRole("cell").filter({ hasText: /^(Doctor or clinician|Hospital or facility|Pharmacy|Dental|Vision|Other)$/ });
  await expect(typeCells.first()).toHaveText("Doctor or clinician");
  expect(new Set(await typeCells.allTextContents())).toEqual(new Set(["Doctor or clinician"]));
  await page.screenshot({ path: test.info().outputPath("2-filtered-list.png"), fullPage: true });

  const firstClaim = table.getByRole("row").nth(1).getByRole("link");
  await firstClaim.click();
  await expect(page).toHaveURL(/\/member\/claims\/[A-Za-z0-9.-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Claim details" })).toBeVisible();
  const owed = page.getByRole("region", { name: "What you owe" });
  await expect(owed.getByText(/^(You owe (at least )?\$[\d,]+\.\d{2}|Amount not available)$/)).toBeVisible();
  await expect(owed.getByText(/Your plan paid \$[\d,]+\.\d{2}/)).toBeVisible();
  await expect(page.getByRole("table", { name: /Each service on this claim/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /The claim's totals/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("3-claim-detail.png"), fullPage: true });
  await expectAccessible(page);

  await page.goBack();
  await expect(page).toHaveURL(/\/member\/claims\?type=professional$/);
  await expect(page.getByLabel("Type")).toHaveValue("professional");
  await page.screenshot({ path: test.info().outputPath("4-back-to-filtered-list.png"), fullPage: true });
});

test("member opens a bookmarked page past the end", async ({ page }) => {
  await signIn(page, demoAccounts.member);

  await page.goto("/member/claims?type=professional&page=40");
  await expect(page.getByLabel("Type")).toHaveValue("professional");
  await page.screenshot({ path: test.info().outputPath("1-past-the-end.png"), fullPage: true });
  await page.getByRole("link", { name: /There are no claims on this page/ }).click();

  await expect(page).toHaveURL(/\/member\/claims\?type=professional$/);
  await expect(page.getByRole("status").filter({ hasText: /^Showing/ })).toHaveText(/^Showing claims 1 to \d+ of \d+\.$/);
  await page.screenshot({ path: test.info().outputPath("2-first-page.png"), fullPage: true });
  await page.goBack();
  await expect(page).toHaveURL(/page=40$/);
});
