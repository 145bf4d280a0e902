import { expect, test, type Page } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

const money = /^\$[\d,]+\.\d{2}$/;

/** Reads a "$1,234.56" amount as cents. */
function toCents(text: string): number {
  return Math.round(Number(text.replace(/[$,]/g, "")) * 100);
}

async function checkMonthlyChart(page: Page): Promise<void> {
  const byMonth = page.getByRole("region", { name: "Spending by month" });
  const chart = byMonth.getByRole("img", { name: /^Bar chart of spending by month\. In total your plan paid \$[\d,.]+ and you paid \$[\d,.]+\.$/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg .recharts-bar-rectangle").first()).toBeVisible();
  await expect(chart.getByText("Amount (USD)")).toBeVisible();

  await byMonth.getByText("Show these numbers as a table").click();
  const table = byMonth.getByRole("table", { name: "Spending by month" });
  await expect(table.getByRole("columnheader", { name: "Plan paid" })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(13);
  await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toHaveText(money);
}

test("member sees spending by month and type of care", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  await signIn(page, demoAccounts.member);
  await page.getByRole("navigation", { name: "Your plan" }).getByRole("link", { name: "Spending" }).click();

  await expect(page).toHaveURL(/\/member\/spending$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your spending" })).toBeVisible();
  await checkMonthlyChart(page);

  const memberPaid = await page.getByRole("definition").nth(1).textContent();
  const monthTable = page.getByRole("table", { name: "Spending by month" });
  const monthCells = await monthTable.getByRole("row").locator("td:nth-child(3)").allTextContents();
  expect(monthCells.reduce((sum, cell) => sum + toCents(cell), 0)).toBe(toCents(memberPaid ?? ""));

  const byCategory = page.getByRole("region", { name: "Spending by type of care" });
  await expect(byCategory.getByRole("img", { name: /^Bar chart of spending across \d+ types of care\.$/ })).toBeVisible();
  await byCategory.getByText("Show these numbers as a table").click();
  await expect(byCategory.getByRole("table").getByRole("rowheader").first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("spending.png"), fullPage: true });
  await expectAccessible(page);

  const yearLinks = page.getByRole("navigation", { name: "Plan year" }).getByRole("link", { name: /^\d{4}$/ });
  const earlier = yearLinks.last();
  const year = await earlier.textContent();
  await earlier.click();
  await expect(page).toHaveURL(new RegExp(`/member/spending\\?year=${year}$`));
  await expect(page.getByRole("navigation", { name: "Plan year" }).getByRole("link", { name: year ?? "" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1, name: "Your spending" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("spending keeps contrast in dark mode", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, demoAccounts.member);

  await page.goto("/member/spending");

  await checkMonthlyChart(page);
  await expectAccessible(page);
});
