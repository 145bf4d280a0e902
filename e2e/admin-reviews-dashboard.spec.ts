import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

test("admin reviews the population dashboard", async ({ page }) => {
  await signIn(page, demoAccounts.admin);

  await page.goto("/admin/dashboard");

  await expect(page.getByRole("heading", { level: 1, name: "Population dashboard" })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: /^Members$/ })).toBeVisible();
  await expect(page.getByRole("definition").first()).toHaveText(/^[1-9][\d,]*$/);

  const cost = page.getByRole("region", { name: "Claims cost by month and type of care" });
  await expect(cost.getByRole("img", { name: /^Stacked bar chart of plan-paid claims cost by month, \$[\d,.]+ in all\.$/ })).toBeVisible();
  await cost.getByText("Show these numbers as a table").click();
  await expect(cost.getByRole("table").getByRole("row")).toHaveCount(13);

  const closure = page.getByRole("region", { name: "Care gap closure rate by measure" });
  await expect(closure.getByRole("img", { name: /^Bar chart of care gap closure rates/ })).toBeVisible();
  await closure.getByText("Show these numbers as a table").click();
  await expect(closure.getByRole("table").getByRole("cell").first()).toHaveText(/^\d+(\.\d)?%$/);
  await page.screenshot({ path: test.info().outputPath("dashboard.png"), fullPage: true });
  await expectAccessible(page);
});

for (const [role, account] of [
  ["member", demoAccounts.member],
  ["care manager", demoAccounts.careManager],
] as const) {
  test(`${role} cannot open the admin dashboard`, async ({ page }) => {
    await signIn(page, account);

    await page.goto("/admin/dashboard");

    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByRole("heading", { level: 1, name: "This page isn't available to you" })).toBeVisible();
  });
}
