import { existsSync } from "node:fs";

import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";
import { expectNoHorizontalOverflow } from "./expect-no-horizontal-overflow";
import { sharedDataDir, syntheaMember } from "./imported-member";

/** The health record sections in the order of their navigation, with each page's heading. */
const sections = [
  { link: "Visits", heading: "Visits" },
  { link: "Conditions", heading: "Conditions" },
  { link: "Medications", heading: "Medications" },
  { link: "Immunizations", heading: "Immunizations" },
  { link: "Allergies", heading: "Allergies" },
  { link: "Procedures", heading: "Procedures" },
  { link: "Lab results", heading: "Lab results" },
] as const;

test.use({ viewport: { width: 375, height: 812 } });

test("member reads lab trends", async ({ page }) => {
  await signIn(page, demoAccounts.member);
  await page.getByRole("navigation", { name: "Your plan" }).getByRole("link", { name: "Health record" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Health record" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Active conditions" }).getByRole("listitem").first()).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath("overview.png"), fullPage: true });

  const sectionNav = page.getByRole("navigation", { name: "Health record sections" });
  for (const section of sections) {
    await sectionNav.getByRole("link", { name: section.link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: section.heading })).toBeVisible();
    await expectAccessible(page);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: test.info().outputPath(`${section.link.toLowerCase().replace(/ /g, "-")}.png`), fullPage: true });
  }

  const hba1c = page.getByRole("region", { name: "Hemoglobin A1c (HbA1c)", exact: true });
  const chart = hba1c.getByRole("img", { name: /^Chart of Hemoglobin A1c/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg .recharts-line")).toBeVisible();
  const table = hba1c.getByRole("table", { name: /Hemoglobin A1c \(HbA1c\) results, oldest first/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(hba1c.getByText(/^Normal range from your lab: /)).toBeVisible();
  await expect(page.getByRole("table", { name: "Lab results, newest first." })).toBeVisible();
  await hba1c.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("hba1c-trend.png") });
});

test("imported member reads HbA1c against the standard range", async ({ page }) => {
  test.skip(!existsSync(sharedDataDir), `${sharedDataDir} is absent, so no Synthea patient was imported`);

  await signIn(page, syntheaMember);
  await page.goto("/member/health/labs");

  const hba1c = page.getByRole("region", { name: "Hemoglobin A1c (HbA1c)", exact: true });
  await expect(hba1c.getByRole("img", { name: /^Chart of Hemoglobin A1c \(HbA1c\): 2 results from Jan 31, 2020 to Oct 9, 2020/ })).toBeVisible();
  await expect(hba1c.getByText("Standard adult range: below 5.7%")).toBeVisible();
  const rows = hba1c.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("Jan 31, 2020");
  await expect(rows.nth(1)).toContainText("7.39%");
  await expect(page.getByRole("region", { name: "Blood pressure", exact: true }).getByText("Standard adult range: below 120/80 mmHg")).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath("imported-member-labs.png"), fullPage: true });
});
