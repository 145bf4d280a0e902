import { expect, test, type APIRequestContext } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";

interface BundleBody {
  resourceType: string;
  total?: number;
  entry?: { resource: { resourceType: string; id: string } }[];
}

async function getJson(request: APIRequestContext, url: string): Promise<{ status: number; body: unknown }> {
  const response = await request.get(url, { headers: { Accept: "application/fhir+json" } });
  return { status: response.status(), body: await response.json() };
}

test("member reads only own FHIR record", async ({ page, browser, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const signedOut = await getJson(anonymous, "/fhir/R4/Patient");
  expect(signedOut.status).toBe(401);
  await anonymous.dispose();

  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signIn(otherPage, demoAccounts.member2);
  const otherPatients = (await getJson(otherPage.request, "/fhir/R4/Patient")).body as BundleBody;
  const otherPatientId = otherPatients.entry?.[0]?.resource.id ?? "";
  expect(otherPatients.entry).toHaveLength(1);
  await otherContext.close();

  await signIn(page, demoAccounts.member);
  await page.goto("/fhir/R4/Patient");
  await expect(page.getByText('"resourceType":"Bundle"')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("member-patient-search.png") });

  const ownPatients = (await getJson(page.request, "/fhir/R4/Patient")).body as BundleBody;
  expect(ownPatients.total).toBe(1);
  expect(ownPatients.entry?.[0]?.resource.id).not.toBe(otherPatientId);

  const claims = (await getJson(page.request, "/fhir/R4/ExplanationOfBenefit?_summary=count")).body as BundleBody;
  expect(claims.total).toBeGreaterThan(0);

  const otherRead = await getJson(page.request, `/fhir/R4/Patient/${otherPatientId}`);
  expect(otherRead.status).toBe(404);
  const otherClaims = (await getJson(page.request, `/fhir/R4/ExplanationOfBenefit?patient=${otherPatientId}&_summary=count`)).body as BundleBody;
  expect(otherClaims.total).toBe(0);

  const write = await page.request.delete(`/fhir/R4/Patient/${otherPatientId}`);
  expect(write.status()).toBe(403);

  await page.goto(`/fhir/R4/Patient/${otherPatientId}`);
  await expect(page.getByText('"code":"not-found"')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("member-other-patient-not-found.png") });
});

test("admin searches every FHIR patient", async ({ page }) => {
  await signIn(page, demoAccounts.admin);

  const patients = (await getJson(page.request, "/fhir/R4/Patient?_summary=count")).body as BundleBody;
  const metadata = await getJson(page.request, "/fhir/R4/metadata");

  expect(patients.total).toBeGreaterThan(3);
  expect(metadata.status).toBe(200);

  const oversized = await page.request.post("/fhir/R4/Patient", {
    headers: { "Content-Type": "application/fhir+json" },
    data: JSON.stringify({ resourceType: "Patient", text: { status: "generated", div: "x".repeat(5 * 1024 * 1024) } }),
  });
  expect(oversized.status()).toBe(413);
  await page.goto("/fhir/R4/metadata");
  await expect(page.getByText('"resourceType":"CapabilityStatement"')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("admin-metadata.png") });
});

test("session writes from another site are refused", async ({ page, baseURL }) => {
  await signIn(page, demoAccounts.admin);
  const patient = JSON.stringify({ resourceType: "Patient", name: [{ family: "Origin", given: ["Check"] }] });

  const crossSite = await page.request.post("/fhir/R4/Patient", { headers: { "Content-Type": "application/fhir+json", Origin: "http://evil.example" }, data: patient });
  const sameSite = await page.request.post("/fhir/R4/Patient", { headers: { "Content-Type": "application/fhir+json", Origin: baseURL ?? "" }, data: patient });

  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toContain("A cross-site request may not change data with the portal session");
  expect(sameSite.status()).toBe(201);
});
