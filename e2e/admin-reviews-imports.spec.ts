import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";
import { importsFixture } from "./imports-fixture";

test("admin reviews an import and its failed message", async ({ page }) => {
  await signIn(page, demoAccounts.admin);
  await page.goto("/admin/imports");

  await expect(page.getByRole("heading", { level: 1, name: "Imports" })).toBeVisible();
  const runs = page.getByRole("table", { name: "Recent import runs" });
  const run = runs.getByRole("row").filter({ hasText: "Finished" }).first();
  await expect(run).toBeVisible();
  await expectAccessible(page);
  await run.getByRole("link").click();

  await expect(page.getByRole("heading", { level: 1, name: /^Import run of / })).toBeVisible();
  const issues = page.getByRole("table", { name: "Rejections and warnings, in the order the import found them" });
  await expect(issues.getByRole("row").filter({ hasText: "Warning" })).toContainText('PID-7 "19801345" is not a date');
  await expect(issues.getByRole("row").filter({ hasText: "E2E-WARN" })).toContainText("PID-7");
  await expectAccessible(page);
  await issues.getByRole("link", { name: new RegExp(`^View message, line ${importsFixture.rejectedLine} of .*${importsFixture.fileName}$`) }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Failed message" })).toBeVisible();
  await expect(page.getByText('MSH-7 "not-a-time" is not a date-time')).toBeVisible();
  await expect(page.getByLabel("Raw message")).toContainText("E2E-BAD");
  await expectAccessible(page);
});

test("member and care manager cannot open the imports pages", async ({ page }) => {
  for (const account of [demoAccounts.member, demoAccounts.careManager]) {
    await signIn(page, account);

    await page.goto("/admin/imports");
    await expect(page).toHaveURL(/\/forbidden$/);
    await page.goto(`/admin/imports/failed/${"0".repeat(64)}`);
    await expect(page).toHaveURL(/\/forbidden$/);

    await page.context().clearCookies();
  }
});
