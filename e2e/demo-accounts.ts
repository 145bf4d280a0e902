import { expect, type Page } from "@playwright/test";

/** Sign-ins that `npm start` seeds (lib/demo/build-demo-accounts.ts) and the e2e preparation adds; synthetic data only. */
export const demoAccounts = {
  member: { email: "member@lakeview.example", password: process.env.DEMO_MEMBER_PASSWORD ?? "demo-member-2026" },
  spouse: { email: "dependent@lakeview.example", password: "demo-dependent-2026" },
  teen: { email: "teen@lakeview.example", password: "demo-teen-2026" },
  member2: { email: "member2@lakeview.example", password: "demo-member2-2026" },
  careManager: { email: "carol.manager@lakeview.example", password: "demo-manager-2026" },
  /** Created by e2e/prepare-database.ts with the demo patients off Carol's panel. */
  careManager2: { email: "casey.manager@lakeview.example", password: "demo-manager2-2026" },
  admin: { email: "admin@lakeview.example", password: "demo-admin-2026" },
} as const;

/** Signs in through the sign-in form and waits until the portal has left the sign-in page. */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in$/);
}
