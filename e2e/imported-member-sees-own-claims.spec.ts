import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";
import type { Bundle, ExplanationOfBenefit } from "fhir/r4";

import { sharedDataDir, syntheaMember } from "./imported-member";

const syntheaDir = path.join(sharedDataDir, "synthea/smart-generated-sample-data-r4");

/** Returns the dates of service of a Synthea bundle's claims, formatted as the claims table shows them. */
function claimDatesIn(file: string): Set<string> {
  const bundle = JSON.parse(readFileSync(path.join(syntheaDir, file), "utf8")) as Bundle;
  const format = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" });
  const dates = new Set<string>();
  for (const entry of bundle.entry ?? []) {
    const eob = entry.resource as ExplanationOfBenefit | undefined;
    const start = eob?.resourceType === "ExplanationOfBenefit" ? eob.billablePeriod?.start : undefined;
    if (start) dates.add(format.format(new Date(`${start.slice(0, 10)}T00:00:00Z`)));
  }
  return dates;
}

test.skip(!existsSync(syntheaDir), `${syntheaDir} is absent, so no Synthea patient was imported`);

test("imported Synthea member sees only their own claims", async ({ page }) => {
  const ownDates = claimDatesIn(syntheaMember.file);
  const otherOnlyDates = [...claimDatesIn(syntheaMember.otherFile)].filter((date) => !ownDates.has(date));

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(syntheaMember.email);
  await page.getByLabel("Password").fill(syntheaMember.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Louis/);
  const rows = page.getByRole("table", { name: /most recent claim/ }).getByRole("row");
  await expect(rows).toHaveCount(11);
  const shownDates = await rows.locator("th, td").filter({ hasText: /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/ }).allTextContents();
  expect(shownDates).toHaveLength(10);
  for (const date of shownDates) {
    expect(ownDates, `claim dated ${date}`).toContain(date);
  }
  expect(otherOnlyDates.filter((date) => shownDates.includes(date))).toEqual([]);
});
