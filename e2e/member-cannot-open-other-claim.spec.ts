import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";

test("member who tries another member's claim URL gets not-found", async ({ browser }) => {
  const owner = await browser.newPage();
  await signIn(owner, demoAccounts.member);
  await owner.goto("/member/claims");
  const claimLink = owner.getByRole("table", { name: /Your claims/ }).getByRole("row").nth(1).getByRole("link");
  const claimPath = await claimLink.getAttribute("href");
  expect(claimPath).toMatch(/^\/member\/claims\/[A-Za-z0-9.-]+$/);
  const providerReference = await owner.getByLabel("Provider").locator("option").nth(1).getAttribute("value");
  await owner.close();

  const other = await browser.newPage();
  await signIn(other, demoAccounts.member2);
  const response = await other.goto(claimPath ?? "/member/claims/missing");

  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await other.screenshot({ path: test.info().outputPath("1-not-found.png"), fullPage: true });

  const listed = await other.request.get(`/api/member/claims?provider=${encodeURIComponent(providerReference ?? "")}`);
  expect(listed.status()).toBe(200);
  const body = (await listed.json()) as { rows: { id: string }[] };
  expect(body.rows.map((row) => row.id)).not.toContain(claimPath?.split("/").at(-1));
  await other.close();
});

test("claims endpoint rejects a bad filter and a missing session", async ({ page, request }) => {
  const anonymous = await request.get("/api/member/claims");
  expect(anonymous.status()).toBe(401);

  await signIn(page, demoAccounts.member2);
  const invalid = await page.request.get("/api/member/claims?from=2026-02-30");

  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toEqual({
    error: { code: "invalid", field: "from", message: 'Query parameter "from" must be a real date written YYYY-MM-DD; fix or remove it.' },
  });
});
