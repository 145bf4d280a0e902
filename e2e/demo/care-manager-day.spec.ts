import type { Browser } from "@playwright/test";
import type { Bundle, Patient } from "fhir/r4";

import { demoAccounts, signIn } from "../demo-accounts";
import { daysAgo } from "./days-ago";
import { expect, test } from "./step";

// The member reports this gap before the day starts; the member tour reports a different one. The
// care manager's table names it by its measure, "Preventive Care and Screening: Influenza Immunization".
const reportedGap = "Flu vaccine";

test("care manager's day", async ({ browser, page, step }) => {
  const member = await reportGapAsMember(browser);
  const worklist = page.getByRole("table", { name: "Panel members" });
  const memberLink = worklist.locator(`a[href="/care/members/${member.id}"]`);

  await step("Sign in and open the worklist", async () => {
    await signIn(page, demoAccounts.careManager);
    await expect(page.getByRole("heading", { level: 1, name: "Worklist" })).toBeVisible();
    await expect(worklist.getByRole("row")).not.toHaveCount(1);
  });

  await step("Find a member with open care gaps", async () => {
    await page.getByLabel("Care gaps").selectOption("open");
    await page.getByRole("searchbox", { name: "Name" }).fill(member.family);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/gaps=open/);
    await expect(memberLink).toBeVisible();
  });

  await step("Open the member view", async () => {
    await memberLink.click();
    await expect(page.getByRole("heading", { level: 1, name: member.name })).toBeVisible();
    await expect(page.getByRole("table", { name: "Care gaps" })).toContainText(/Influenza/);
  });

  await step("Log an outreach call", async () => {
    const callForm = page.getByRole("form", { name: "Log a call" });
    await callForm.getByLabel("Outcome").selectOption("reached");
    await callForm.getByLabel("Note", { exact: true }).fill("Member confirmed the flu shot at the pharmacy.");
    await page.getByRole("button", { name: "Log call" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Call logged." })).toBeVisible();
  });

  await step("Accept the reported evidence", async () => {
    await page.getByRole("link", { name: "Evidence review" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Evidence review" })).toBeVisible();
    const report = page.getByRole("row").filter({ has: page.locator(`a[href="/care/members/${member.id}"]`) }).filter({ hasText: /flu|influenza/i });
    await report.getByRole("button", { name: /^Accept:/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "Accepted." })).toBeVisible();
    await expect(report).toHaveCount(0);
  });
});

/**
 * Signs in as the demo member in a browser of its own and reports the gap done, so the care
 * manager has evidence to review whichever journeys ran before. Returns the member's Patient id
 * and names as the worklist shows them.
 */
async function reportGapAsMember(browser: Browser): Promise<{ id: string; name: string; family: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoAccounts.member);
  const bundle = (await (await page.request.get("/fhir/R4/Patient", { headers: { accept: "application/fhir+json" } })).json()) as Bundle<Patient>;
  const patient = bundle.entry?.[0]?.resource;
  const name = patient?.name?.[0];
  if (!patient?.id || !name?.family) {
    throw new Error("the demo member's own Patient search returned no Patient with a family name");
  }

  await page.goto("/member/care-gaps");
  const gap = page.getByRole("article", { name: reportedGap });
  await gap.getByText("I had this done elsewhere").click();
  await gap.getByLabel("Date it was done").fill(daysAgo(45));
  await gap.getByRole("button", { name: "Send my report" }).click();
  await expect(gap.getByText("Reported, pending review")).toBeVisible();
  await context.close();

  return { id: patient.id, name: `${name.given?.join(" ") ?? ""} ${name.family}`.trim(), family: name.family };
}
