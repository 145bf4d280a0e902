import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";

import { gapResources } from "@/lib/care-gaps/care-gap-test-resources";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";
import { expectNoHorizontalOverflow } from "./expect-no-horizontal-overflow";

const measureId = "lakeview-cms125";
const gapTitle = "Breast cancer screening";

test("member reports a care gap done elsewhere", async ({ page, browser }) => {
  await signIn(page, demoAccounts.member);
  await page.goto("/member/care-gaps");
  await expect(page.getByRole("heading", { level: 1, name: "Care gaps" })).toBeVisible();
  if (!(await isOpen(gapCard(page)))) {
    await storeOpenGap(browser, await ownPatientId(page.request));
    await page.reload();
  }

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
});

function gapCard(page: Page): Locator {
  return page.getByRole("article", { name: gapTitle });
}

/** Tells whether the gap is listed as open and not yet reported. */
async function isOpen(card: Locator): Promise<boolean> {
  return (await card.count()) > 0 && (await card.getByText("Open", { exact: true }).count()) > 0;
}

async function ownPatientId(request: APIRequestContext): Promise<string> {
  const response = await request.get("/fhir/R4/Patient", { headers: { Accept: "application/fhir+json" } });
  const bundle = (await response.json()) as { entry?: { resource?: { id?: string } }[] };
  const id = bundle.entry?.[0]?.resource?.id;
  if (!id) throw new Error(`the member's own Patient search returned no Patient (status ${response.status()})`);
  return id;
}

/**
 * Stores, as the admin through the FHIR API, the MeasureReport and open DetectedIssue the measure
 * pipeline would write for this year. The spec only does this when the demo data has no open
 * breast cancer screening gap for the member, which is the case until the pipeline computes gaps.
 */
async function storeOpenGap(browser: Browser, patientId: string): Promise<void> {
  const [report, issue] = gapResources(patientId, measureId, new Date().getUTCFullYear());
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, demoAccounts.admin);

  await put(admin.request, `MeasureReport/${report.id ?? ""}`, report);
  await put(admin.request, `DetectedIssue/${issue.id ?? ""}`, issue);
  await context.close();
}

async function put(request: APIRequestContext, path: string, resource: object): Promise<void> {
  const response = await request.put(`/fhir/R4/${path}`, { headers: { "Content-Type": "application/fhir+json" }, data: JSON.stringify(resource) });
  expect(response.status(), `PUT ${path}: ${await response.text()}`).toBeLessThan(300);
}

/** Returns the date `days` days before today (after it, for a negative count) as YYYY-MM-DD. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
