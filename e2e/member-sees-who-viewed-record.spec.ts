import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

test("member sees who viewed their record", async ({ page }) => {
  await signIn(page, demoAccounts.member);
  await page.goto("/member/claims");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto("/member/profile");
  await page.getByRole("link", { name: "See who viewed your record" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Who viewed your record" })).toBeVisible();
  const table = page.getByRole("table", { name: "Accesses to this record, newest first" });
  await expect(table.getByRole("row").filter({ hasText: "Claims list" }).first()).toContainText("You");
  await expect(table.getByRole("row").nth(1)).toContainText("This access log");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("access-log.png") });
});

test("admin searches the audit trail", async ({ page }) => {
  await signIn(page, demoAccounts.member);
  await page.goto("/member/coverage");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.context().clearCookies();

  await signIn(page, demoAccounts.admin);
  await page.goto("/admin/audit?from=2026-13-01");
  await expect(page.getByText("Enter the start date as a real date in the form YYYY-MM-DD.")).toBeVisible();
  await expect(page.getByLabel("From (YYYY-MM-DD)")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("From (YYYY-MM-DD)").fill("");
  await page.getByRole("button", { name: "Search" }).click();
  const table = page.getByRole("table", { name: "Audit events" });
  await expect(table.getByRole("row").filter({ hasText: "member-coverage" }).first()).toBeVisible();
  await expectAccessible(page);
});
