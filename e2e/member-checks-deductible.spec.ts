import { existsSync } from "node:fs";

import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";
import { expectNoHorizontalOverflow } from "./expect-no-horizontal-overflow";
import { sharedDataDir, syntheaMember } from "./imported-member";

const money = /^\$[\d,]+\.\d{2}$/;

test("member checks deductible progress", async ({ page }) => {
  await signIn(page, demoAccounts.member);
  await expect(page).toHaveURL(/\/member$/);

  const spending = page.getByRole("region", { name: "This plan year's spending" });
  const chart = spending.getByRole("img", { name: /^Bar chart of your spending/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg").first()).toBeVisible();
  await expect(chart.getByText("Spent", { exact: true })).toBeVisible();
  const homeTable = spending.getByRole("table", { name: /toward your deductible and out-of-pocket maximum/ });
  await expect(homeTable.getByRole("rowheader", { name: "You: Deductible" })).toBeVisible();
  await expect(homeTable.getByRole("rowheader", { name: /^Your family \(4 people\): Out-of-pocket maximum$/ })).toBeVisible();
  await expect(homeTable.getByRole("row").nth(1).getByRole("cell").first()).toHaveText(money);
  await expect(page.getByRole("region", { name: "Open care gaps" })).toContainText(/Open, due by Dec 31, \d{4}/);
  await page.screenshot({ path: test.info().outputPath("home.png"), fullPage: true });
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Your plan" }).getByRole("link", { name: "Coverage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your coverage" })).toBeVisible();
  const card = page.getByRole("group", { name: "Member ID card" });
  await expect(card).toContainText("Lakeview Health Plan");
  await expect(card.getByText(/^LV\d+-01$/)).toBeVisible();
  const accumulators = page.getByRole("region", { name: "Plan year spending" });
  await expect(accumulators.getByText(/^\$[\d,]+\.\d{2} of \$[\d,]+\.\d{2}$/).first()).toBeVisible();
  await expect(accumulators.getByRole("rowheader", { name: /^Your family \(4 people\): Deductible$/ })).toBeVisible();
  const members = page.getByRole("region", { name: "Who is on your plan" });
  await expect(members.getByRole("listitem")).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath("coverage.png"), fullPage: true });
  await expectAccessible(page);

  await page.emulateMedia({ media: "print" });
  await expect(card).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Your plan" })).toBeHidden();
  await expect(accumulators).toBeHidden();
  await page.screenshot({ path: test.info().outputPath("coverage-print.png") });
  await page.emulateMedia({ media: "screen" });

  await page.setViewportSize({ width: 375, height: 812 });
  await expect(card).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath("coverage-375.png"), fullPage: true });
  await page.goto("/member");
  await expect(chart.locator("svg").first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath("home-375.png"), fullPage: true });
});

test("imported member sees spending without limits", async ({ page }) => {
  test.skip(!existsSync(sharedDataDir), `${sharedDataDir} is absent, so no Synthea member is imported`);

  await signIn(page, { email: syntheaMember.email, password: syntheaMember.password });
  await page.goto("/member/coverage");

  await expect(page.getByRole("heading", { level: 1, name: "Your coverage" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "We don't have your coverage details" })).toBeVisible();
  const accumulators = page.getByRole("region", { name: "Plan year spending" });
  await expect(accumulators.getByText("Your plan's limits aren't available")).toBeVisible();
  await expect(accumulators.getByRole("rowheader", { name: "You: Deductible" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("imported-coverage.png"), fullPage: true });
  await expectAccessible(page);

  await accumulators.getByRole("navigation", { name: "Plan years with claims" }).getByRole("link", { name: "2020" }).click();
  await expect(page).toHaveURL(/\/member\/coverage\?year=2020$/);
  await expect(accumulators.getByText("Plan year Jan 1, 2020 to Dec 31, 2020")).toBeVisible();
  const outOfPocket = accumulators.getByRole("row", { name: /^You: Out-of-pocket maximum/ });
  await expect(outOfPocket.getByRole("cell").first()).toHaveText("$56.20");
  await page.screenshot({ path: test.info().outputPath("imported-coverage-2020.png"), fullPage: true });
});
