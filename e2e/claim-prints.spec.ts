import { expect, test, type Page } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";

const money = /\$[\d,]+\.\d{2}/;

test("claim prints without navigation", async ({ page }) => {
  await signIn(page, demoAccounts.member);
  await page.goto("/member/claims");
  await page.getByRole("table", { name: /Your claims/ }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Claim details" })).toBeVisible();
  const printButton = page.getByRole("button", { name: "Print this claim" });
  await expect(printButton).toBeVisible();
  await expectPrintDialogOpens(page, printButton);

  await page.emulateMedia({ media: "print" });

  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Your plan" })).toBeHidden();
  await expect(page.getByRole("link", { name: /All claims/ })).toBeHidden();
  await expect(printButton).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Claim details" })).toBeVisible();
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByRole("definition").first()).toHaveText(/^Aisha D'Angelo$/);
  for (const term of ["Member", "Provider", "Date of service", "Processed on", "Billed", "Plan paid"]) {
    await expect(summary.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "What you owe" }).getByText(money).first()).toBeVisible();
  await expect(page.getByRole("table", { name: /Each service on this claim/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /The claim's totals/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("claim-print.png"), fullPage: true });
});

test("ID card prints alone", async ({ page }) => {
  await signIn(page, demoAccounts.member);
  await page.goto("/member/coverage");
  const card = page.getByRole("group", { name: "Member ID card" });
  const printButton = page.getByRole("button", { name: "Print ID card" });
  await expect(card).toBeVisible();
  await expectPrintDialogOpens(page, printButton);

  await page.emulateMedia({ media: "print" });

  await expect(card).toBeVisible();
  await expect(card.getByText(/^LV\d+-01$/)).toBeVisible();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Your plan" })).toBeHidden();
  await expect(printButton).toBeHidden();
  await expect(page.getByRole("region", { name: "Plan year spending" })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath("id-card-print.png") });
});

/** Clicks a print button with window.print replaced, and checks that the button called it. */
async function expectPrintDialogOpens(page: Page, button: ReturnType<Page["getByRole"]>): Promise<void> {
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printCalled = "true";
    };
  });
  await button.click();
  await expect(page.locator("body")).toHaveAttribute("data-print-called", "true");
}
