import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

test("care manager reviews panel insights", async ({ page }) => {
  await signIn(page, demoAccounts.careManager);
  await page.getByRole("navigation", { name: "Care manager" }).getByRole("link", { name: "Panel insights" }).click();

  await expect(page).toHaveURL(/\/care\/insights$/);
  await expect(page.getByRole("heading", { level: 1, name: "Panel insights" })).toBeVisible();
  const intro = await page.getByText(/^Numbers for the \d+ members? on your panel\.$/).textContent();
  const panelSize = Number(intro?.match(/\d+/)?.[0]);
  expect(panelSize).toBeGreaterThan(0);

  const risk = page.getByRole("region", { name: "Risk score distribution" });
  await expect(risk.getByRole("img", { name: /^Histogram of risk scores: \d+ low, \d+ medium and \d+ high risk members\.$/ })).toBeVisible();
  await expect(risk.getByText("Members (count)")).toBeVisible();
  await risk.getByText("Show these numbers as a table").click();
  const counts = await risk.getByRole("table").getByRole("cell").allTextContents();
  expect(counts.reduce((sum, cell) => sum + Number(cell), 0)).toBe(panelSize);

  const gaps = page.getByRole("region", { name: "Open and closed care gaps by measure" });
  await expect(gaps.getByRole("img", { name: /^Bar chart of care gaps by measure: \d+ open and \d+ closed in all\.$/ })).toBeVisible();
  await gaps.getByText("Show these numbers as a table").click();
  await expect(gaps.getByRole("table").getByRole("columnheader", { name: "Open" })).toBeVisible();

  const utilization = page.getByRole("region", { name: "ER visits and inpatient admissions per 1,000 members" });
  await expect(utilization.getByRole("img", { name: /^Bar chart of ER visits and inpatient admissions per 1,000 members over 5 years\.$/ }).or(utilization.getByText(/^No ER visits/))).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("insights.png"), fullPage: true });
  await expectAccessible(page);
});

test("member cannot open panel insights", async ({ page }) => {
  await signIn(page, demoAccounts.member);

  await page.goto("/care/insights");

  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("heading", { level: 1, name: "This page isn't available to you" })).toBeVisible();
});
