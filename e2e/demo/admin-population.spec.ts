import { demoAccounts, signIn } from "../demo-accounts";
import { expect, test } from "./step";

test("admin's population view", async ({ page, step }) => {
  await step("Sign in and open administration", async () => {
    await signIn(page, demoAccounts.admin);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  });

  await step("See a care manager's panel", async () => {
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Care panels" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Care panels" })).toBeVisible();
    const panel = page.getByRole("region", { name: /^Panel of / });
    await expect(panel.getByRole("table").getByRole("row")).not.toHaveCount(1);
  });

  await step("Search the audit trail for denied reads", async () => {
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    await page.getByLabel("Outcome").selectOption("denied");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/outcome=denied/);
    await expect(page.getByRole("table", { name: "Audit events" }).or(page.getByText("No events match these filters."))).toBeVisible();
  });

  await step("Open the population dashboard", async () => {
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Population dashboard" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Population dashboard" })).toBeVisible();
    const cost = page.getByRole("region", { name: "Claims cost by month and type of care" });
    await expect(cost.getByRole("img", { name: /^Stacked bar chart of plan-paid claims cost by month/ })).toBeVisible();
  });

  await step("Query claims cost by type in the SQL console", async () => {
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "SQL console" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "SQL console" })).toBeVisible();
    await page.getByLabel("SQL query").fill("SELECT claim_type, count(*) AS claims, sum(plan_paid) AS plan_paid FROM claim_cost GROUP BY claim_type ORDER BY plan_paid DESC");
    await page.getByRole("button", { name: "Run query" }).click();
    const result = page.getByRole("table");
    await expect(result.getByRole("columnheader")).toHaveText(["claim_type", "claims", "plan_paid"]);
    await expect(result.getByRole("row")).not.toHaveCount(1);
  });
});
