import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";
import { expectNoHorizontalOverflow } from "./expect-no-horizontal-overflow";

const gapTitle = "Breast cancer screening";

test("member reports a gap and a care manager closes it", async ({ page, browser }) => {
  await signIn(page, demoAccounts.member);
  const patientId = await ownPatientId(page.request);
  await page.goto("/member/care-gaps");
  await expect(page.getByRole("heading", { level: 1, name: "Care gaps" })).toBeVisible();

  const gap = gapCard(page);
  await expect(gap.getByText("Open", { exact: true })).toBeVisible();
  await expect(gap.getByText("A mammogram in the last 27 months")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("1-open-gap.png"), fullPage: true });

  await gap.getByText("I had this done elsewhere").click();
  await gap.getByLabel("Date it was done").fill(daysAgo(-3));
  await gap.getByRole("button", { name: "Send my report" }).click();
  await expect(gap.getByLabel("Date it was done")).toHaveAttribute("aria-invalid", "true");
  await expect(gap.getByText(/is after today/)).toBeVisible();
  await expect(gap.getByRole("status").filter({ hasText: "Check the field with an error message" })).toBeVisible();
  await expect(gap.getByLabel("Date it was done")).toBeFocused();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("2-date-error.png"), fullPage: true });

  await gap.getByLabel("Date it was done").fill(daysAgo(30));
  await gap.getByLabel("Where (optional)").fill("Desert Imaging Center");
  await gap.getByRole("button", { name: "Send my report" }).click();

  await expect(gap.getByRole("status").filter({ hasText: "We got your report" })).toBeVisible();
  await expect(gap.getByText("Reported, pending review")).toBeVisible();
  await expect(gap.getByText("I had this done elsewhere")).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("3-reported.png"), fullPage: true });

  await page.reload();
  await expect(gapCard(page).getByText("Reported, pending review")).toBeVisible();
  await page.goto("/member");
  await expect(page.getByText(`${gapTitle}: Reported, pending review`)).toBeVisible();

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/member/care-gaps");
  await expect(gapCard(page)).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: test.info().outputPath("4-phone.png"), fullPage: true });

  await acceptReportAsCareManager(browser, patientId);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/member/care-gaps");
  const closed = page.getByRole("region", { name: "Closed care gaps" }).getByRole("article", { name: gapTitle });
  await expect(closed.getByText("Closed", { exact: true })).toBeVisible();
  await expect(gapCard(page)).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath("6-closed.png"), fullPage: true });
});

/**
 * Signs in as the demo care manager in a browser of its own, opens the member from the worklist,
 * logs the call that confirmed the report, and accepts it.
 */
async function acceptReportAsCareManager(browser: Browser, patientId: string): Promise<void> {
  const context = await browser.newContext();
  const care = await context.newPage();
  await signIn(care, demoAccounts.careManager);

  await care.goto("/care?gaps=open");
  await care.getByRole("table", { name: "Panel members" }).locator(`a[href="/care/members/${patientId}"]`).click();
  await expect(care.getByRole("table", { name: "Care gaps" })).toContainText(new RegExp(gapTitle, "i"));
  const callForm = care.getByRole("form", { name: "Log a call" });
  await callForm.getByLabel("Outcome").selectOption("reached");
  await callForm.getByLabel("Note", { exact: true }).fill("Confirmed the mammogram at Desert Imaging Center.");
  await care.getByRole("button", { name: "Log call" }).click();
  await expect(care.getByRole("status").filter({ hasText: "Call logged." })).toBeVisible();

  await care.getByRole("link", { name: "Evidence review" }).click();
  await expect(care.getByRole("heading", { level: 1, name: "Evidence review" })).toBeVisible();

  const row = care.getByRole("row").filter({ has: care.locator(`a[href="/care/members/${patientId}"]`) }).filter({ hasText: "MG Breast Screening" });
  await row.getByRole("button", { name: /^Accept:/ }).click();
  await expect(care.getByRole("status").filter({ hasText: "Accepted." })).toBeVisible();
  await care.screenshot({ path: test.info().outputPath("5-accepted.png") });
  await context.close();
}

function gapCard(page: Page): Locator {
  return page.getByRole("article", { name: gapTitle });
}

async function ownPatientId(request: APIRequestContext): Promise<string> {
  const response = await request.get("/fhir/R4/Patient", { headers: { Accept: "application/fhir+json" } });
  const bundle = (await response.json()) as { entry?: { resource?: { id?: string } }[] };
  const id = bundle.entry?.[0]?.resource?.id;
  if (!id) throw new Error(`the member's own Patient search returned no Patient (status ${response.status()})`);
  return id;
}

/** Returns the date `days` days before today (after it, for a negative count) as YYYY-MM-DD. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
