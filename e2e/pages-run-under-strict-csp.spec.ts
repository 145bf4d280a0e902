import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";

test("member pages run under a strict CSP", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });

  const signInPage = await page.goto("/sign-in");
  const policy = signInPage?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).toContain("frame-ancestors 'none'");

  await signIn(page, demoAccounts.member);
  for (const path of ["/member", "/member/claims", "/member/coverage", "/member/health/labs"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.getByRole("link", { name: "Claims" }).first().click();
  await expect(page).toHaveURL(/\/member\/claims$/);

  expect(violations).toEqual([]);
});
