import { expect, test, type Page } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

async function familyList(page: Page): Promise<ReturnType<Page["getByRole"]>> {
  await page.goto("/member/dependents");
  await expect(page.getByRole("heading", { level: 1, name: "Family members on your plan" })).toBeVisible();
  return page.getByRole("list", { name: "Family members" });
}

test("subscriber views a dependent", async ({ page }) => {
  await signIn(page, demoAccounts.member);
  const family = await familyList(page);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("1-family.png") });

  // The 12-year-old can be opened; the 16-year-old and the spouse are private.
  const viewButtons = family.getByRole("button", { name: /^View .+'s record$/ });
  await expect(viewButtons).toHaveCount(1);
  await expect(family.getByText("Private", { exact: true })).toHaveCount(2);
  const childName = /^View (.+)'s record$/.exec((await viewButtons.textContent()) ?? "")?.[1] ?? "";
  expect(childName).not.toBe("");

  await viewButtons.click();
  await expect(page).toHaveURL(/\/member$/);
  const switcher = page.getByRole("region", { name: "Whose record you are viewing" });
  await expect(switcher.getByText(`Viewing: ${childName}`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `${childName}'s plan and claims` })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: `${childName}: Deductible` })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "You: Deductible" })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("2-viewing-child.png") });

  await page.goto("/member/profile");
  await expect(page.getByRole("heading", { level: 1, name: `${childName}'s profile and preferences` })).toBeVisible();

  await switcher.getByRole("button", { name: "Back to my record" }).click();
  await expect(page).toHaveURL(/\/member$/);
  await expect(switcher.getByText("Viewing: your own record")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `${childName}'s plan and claims` })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("3-own-record.png") });
});

test("forged viewing cookie shows the member's own record", async ({ page, context }) => {
  await signIn(page, demoAccounts.member2);
  await page.goto("/member");
  const ownHeading = await page.getByRole("heading", { level: 1 }).textContent();

  await context.addCookies([{ name: "lakeview-viewing", value: "demo-pat-0003.forged", url: page.url() }]);
  await page.reload();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ownHeading ?? "");
});

test("teen shares their record with the subscriber", async ({ browser }) => {
  const teenContext = await browser.newContext();
  const teen = await teenContext.newPage();
  await signIn(teen, demoAccounts.teen);
  await teen.goto("/member/profile");
  const sharing = teen.getByRole("region", { name: "Who can see your health record" });
  await expect(sharing.getByText(/can't see your record\.$/)).toBeVisible();
  await expectAccessible(teen);
  await sharing.getByRole("button", { name: /^Share my record with / }).click();
  await expect(sharing.getByText(/can see your record\.$/)).toBeVisible();
  await teen.screenshot({ path: test.info().outputPath("1-teen-shared.png") });

  const parentContext = await browser.newContext();
  const parent = await parentContext.newPage();
  await signIn(parent, demoAccounts.member);
  const family = await familyList(parent);
  await expect(family.getByText("Shared with you")).toBeVisible();
  await expect(family.getByRole("button", { name: /^View .+'s record$/ })).toHaveCount(2);
  await parent.screenshot({ path: test.info().outputPath("2-parent-sees-shared.png") });

  await sharing.getByRole("button", { name: /^Stop sharing with / }).click();
  await expect(sharing.getByText(/can't see your record\.$/)).toBeVisible();
  await parent.reload();
  await expect(family.getByRole("button", { name: /^View .+'s record$/ })).toHaveCount(1);
  await parent.screenshot({ path: test.info().outputPath("3-parent-after-revoke.png") });

  await teenContext.close();
  await parentContext.close();
});
