import { expect, test, type Page } from "@playwright/test";

// The demo member that `npm start` seeds (lib/demo/build-demo-accounts.ts); synthetic data only.
const memberEmail = "member@lakeview.example";
const memberPassword = process.env.DEMO_MEMBER_PASSWORD ?? "demo-member-2026";

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("member sees plan and claims, then signs out", async ({ page }) => {
  await signIn(page, memberEmail, memberPassword);

  await expect(page).toHaveURL(/\/member$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, \S+/ })).toBeVisible();
  const plan = page.getByRole("region", { name: "Your plan" });
  await expect(plan.getByText("Plan", { exact: true })).toBeVisible();
  await expect(plan.getByRole("definition").first()).not.toHaveText("Not available");

  const claims = page.getByRole("table", { name: /most recent claim/ });
  await expect(claims).toBeVisible();
  const rows = claims.getByRole("row");
  expect(await rows.count()).toBeGreaterThan(1);
  await expect(rows.nth(1).getByRole("cell").filter({ hasText: /^\$[\d,]+\.\d{2}$/ }).first()).toBeVisible();

  const header = page.getByRole("banner");
  await expect(header.getByText(/Signed in as/)).toBeAttached();
  await header.getByRole("button", { name: "Sign out" }).click();

  await expect(page).toHaveURL(/\/sign-out$/);
  await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
  await page.goto("/member");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("wrong password shows an error", async ({ page }) => {
  await signIn(page, memberEmail, `${memberPassword}-wrong`);

  await expect(page.getByRole("status")).toHaveText("The email or password is incorrect. Check them and try again.");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Email")).toHaveValue(memberEmail);
});
