import { expect, test } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

test("admin runs SQL and downloads CSV", async ({ page }) => {
  await signIn(page, demoAccounts.admin);
  await page.goto("/admin/sql");
  await expect(page.getByRole("heading", { level: 1, name: "SQL console" })).toBeVisible();

  const query = page.getByLabel("SQL query");
  await query.fill("SELECT letter, n, '=1+1' AS formula FROM (VALUES ('a', 1), ('b, c', 2)) AS t(letter, n) ORDER BY n");
  await page.getByRole("button", { name: "Run query" }).click();
  const result = page.getByRole("table");
  await expect(result.getByRole("columnheader")).toHaveText(["letter", "n", "formula"]);
  await expect(result.getByRole("row")).toHaveCount(3);
  await expect(result.getByRole("row").nth(2)).toContainText("b, c");
  await expect(page.getByText("2 rows", { exact: true })).toBeVisible();
  await expectAccessible(page);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloadPromise;
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString("utf8")).toBe("letter,n,formula\r\na,1,\"'=1+1\"\r\n\"b, c\",2,\"'=1+1\"\r\n");

  await query.fill("SELECT * FROM public.app_user");
  await page.getByRole("button", { name: "Run query" }).click();
  const failure = page.getByRole("alert").filter({ hasText: "The query failed" });
  await expect(failure).toContainText("only the analytics schema is visible");

  await query.fill("SELECT 1 AS one,, 2");
  await page.getByRole("button", { name: "Run query" }).click();
  await expect(failure).toContainText('syntax error at or near "," at line 1, column 17');
  await page.screenshot({ path: test.info().outputPath("admin-sql-error.png") });
});

test("member and care manager cannot use the SQL console", async ({ browser }) => {
  for (const account of [demoAccounts.member, demoAccounts.careManager]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, account);

    await page.goto("/admin/sql");
    await expect(page).toHaveURL(/\/forbidden$/);
    const csv = await page.request.post("/admin/sql/csv", { form: { query: "SELECT 1" }, headers: { origin: new URL(page.url()).origin } });
    expect(csv.status()).toBe(403);
    expect(await csv.text()).toBe("Only administrators can run SQL against the analytics tables.\n");
    await context.close();
  }
});

test("SQL CSV download rejects another origin", async ({ page }) => {
  await signIn(page, demoAccounts.admin);

  const csv = await page.request.post("/admin/sql/csv", { form: { query: "SELECT 1" }, headers: { origin: "https://evil.example" } });

  expect(csv.status()).toBe(403);
});
