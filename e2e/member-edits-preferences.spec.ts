import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

test("member edits preferences", async ({ page }) => {
  await signIn(page, demoAccounts.member);
  await page.goto("/member/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Profile and preferences" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("1-profile-loaded.png") });

  const phone = page.getByLabel("Phone", { exact: true });
  await phone.fill("555-01");
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByText("Enter a 10-digit US phone number, such as (602) 555-0123.")).toBeVisible();
  await expect(page.getByLabel("Phone", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Phone", { exact: true })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Check the field with an error message" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("2-phone-error.png") });

  await page.getByLabel("Phone", { exact: true }).fill("480 555 0177");
  await page.getByLabel("City").fill("Tempe");
  await page.getByLabel("ZIP code").fill("85281");
  await page.getByLabel("Preferred language").selectOption("es");
  await page.getByLabel("How should we contact you?").selectOption("text");
  await page.getByLabel("Send my statements and plan notices by email instead of mail").check();
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Your changes are saved." })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("3-saved.png") });

  await page.reload();
  await expect(page.getByLabel("Phone", { exact: true })).toHaveValue("(480) 555-0177");
  await expect(page.getByLabel("City")).toHaveValue("Tempe");
  await expect(page.getByLabel("ZIP code")).toHaveValue("85281");
  await expect(page.getByLabel("Preferred language")).toHaveValue("es");
  await expect(page.getByLabel("How should we contact you?")).toHaveValue("text");
  await expect(page.getByLabel("Send my statements and plan notices by email instead of mail")).toBeChecked();
  await page.screenshot({ path: test.info().outputPath("4-reloaded.png") });
});

test("stale profile form reports a conflict", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, demoAccounts.spouse);
  await first.goto("/member/profile");
  const second = await context.newPage();
  await second.goto("/member/profile");

  await first.getByLabel("City").fill("Mesa");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByRole("status").filter({ hasText: "Your changes are saved." })).toBeVisible();

  await second.getByLabel("City").fill("Glendale");
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("status").filter({ hasText: "nothing was saved" })).toBeVisible();
  await second.screenshot({ path: test.info().outputPath("conflict.png") });

  await second.getByRole("link", { name: "Reload the page" }).click();
  await expect(second.getByLabel("City")).toHaveValue("Mesa");
  await context.close();
});
