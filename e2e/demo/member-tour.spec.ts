import { demoAccounts, signIn } from "../demo-accounts";
import { daysAgo } from "./days-ago";
import { expect, test } from "./step";

// The tour reports this gap; the other member journeys report other ones, so they run in any order.
const reportedGap = "Diabetes: eye exam";

test("member's tour", async ({ page, step }) => {
  const nav = page.getByRole("navigation", { name: "Your plan" });

  await step("Sign in and see the home page", async () => {
    await signIn(page, demoAccounts.member);
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
    await expect(page.getByRole("region", { name: "Your plan" })).toBeVisible();
    await expect(page.getByRole("table", { name: /most recent claims/ })).toBeVisible();
  });

  await step("Open a claim and see what I owe", async () => {
    await page.getByRole("table", { name: /most recent claims/ }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Claim details" })).toBeVisible();
    await expect(page.getByRole("region", { name: "What you owe" }).getByText(/^(You owe (at least )?\$[\d,]+\.\d{2}|Amount not available)$/)).toBeVisible();
  });

  await step("Check deductible progress", async () => {
    await nav.getByRole("link", { name: "Coverage" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your coverage" })).toBeVisible();
    const spending = page.getByRole("region", { name: "Plan year spending" });
    await expect(spending.getByRole("rowheader", { name: "You: Deductible" })).toBeVisible();
    await expect(spending.getByText(/^\$[\d,]+\.\d{2} of \$[\d,]+\.\d{2}$/).first()).toBeVisible();
  });

  await step("Read the HbA1c trend", async () => {
    await nav.getByRole("link", { name: "Health record" }).click();
    await page.getByRole("navigation", { name: "Health record sections" }).getByRole("link", { name: "Lab results", exact: true }).click();
    const hba1c = page.getByRole("region", { name: "Hemoglobin A1c (HbA1c)", exact: true });
    await expect(hba1c.getByRole("img", { name: /^Chart of Hemoglobin A1c/ }).locator("svg .recharts-line")).toBeVisible();
    await hba1c.scrollIntoViewIfNeeded();
  });

  await step("Report a care gap as done", async () => {
    await nav.getByRole("link", { name: "Care gaps" }).click();
    const gap = page.getByRole("article", { name: reportedGap });
    await gap.getByText("I had this done elsewhere").click();
    await gap.getByLabel("Date it was done").fill(daysAgo(21));
    await gap.getByLabel("Where (optional)").fill("Saguaro Eye Care");
    await gap.getByRole("button", { name: "Send my report" }).click();
    await expect(gap.getByRole("status").filter({ hasText: "We got your report" })).toBeVisible();
    await expect(gap.getByText("Reported, pending review")).toBeVisible();
  });
});
