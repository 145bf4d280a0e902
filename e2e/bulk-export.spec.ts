import { expect, test, type APIRequestContext } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";

interface Manifest {
  request: string;
  output: { type: string; url: string; count: number }[];
}

const KICK_OFF_HEADERS = { Accept: "application/fhir+json", Prefer: "respond-async" };

/** Polls a status URL, as a Bulk Data client does, until it stops returning 202. */
async function waitForManifest(request: APIRequestContext, statusUrl: string): Promise<Manifest> {
  await expect
    .poll(async () => (await request.get(statusUrl, { headers: { Accept: "application/json" } })).status(), { timeout: 30_000, intervals: [250, 500, 1000] })
    .toBe(200);
  return (await (await request.get(statusUrl)).json()) as Manifest;
}

test("member exports own record in bulk", async ({ page, browser }) => {
  await signIn(page, demoAccounts.member);
  await page.screenshot({ path: test.info().outputPath("member-signed-in.png") });

  const kickOff = await page.request.get("/fhir/R4/Patient/$export?_type=Patient,ExplanationOfBenefit", { headers: KICK_OFF_HEADERS });
  expect(kickOff.status()).toBe(202);
  const statusUrl = kickOff.headers()["content-location"] ?? "";
  expect(statusUrl).toMatch(/\/fhir\/R4\/bulk-status\/[0-9a-f-]{36}$/);

  const manifest = await waitForManifest(page.request, statusUrl);
  await page.goto(statusUrl);
  await expect(page.getByText('"requiresAccessToken":true')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("member-export-manifest.png") });

  const patientFile = manifest.output.find((file) => file.type === "Patient");
  expect(patientFile?.count).toBe(1);
  const claimFiles = manifest.output.filter((file) => file.type === "ExplanationOfBenefit");
  expect(claimFiles.length).toBeGreaterThan(0);
  const download = await page.request.get(patientFile?.url ?? "");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/fhir+ndjson");
  const lines = (await download.text()).trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ resourceType: "Patient" });

  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signIn(otherPage, demoAccounts.member2);
  expect((await otherPage.request.get(statusUrl)).status()).toBe(404);
  expect((await otherPage.request.get(patientFile?.url ?? "")).status()).toBe(404);
  expect((await otherPage.request.get("/fhir/R4/$export", { headers: KICK_OFF_HEADERS })).status()).toBe(403);
  await otherContext.close();

  const cancel = await page.request.delete(statusUrl);
  expect(cancel.status()).toBe(202);
  expect((await page.request.get(patientFile?.url ?? "")).status()).toBe(404);
});

test("admin posts a transaction", async ({ page }) => {
  await signIn(page, demoAccounts.admin);

  const response = await page.request.post("/fhir/R4", {
    headers: { "Content-Type": "application/fhir+json", Accept: "application/fhir+json" },
    data: {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { fullUrl: "urn:uuid:e2e00000-0000-4000-8000-000000000001", resource: { resourceType: "Organization", name: "E2E Clinic" }, request: { method: "POST", url: "Organization" } },
        {
          resource: { resourceType: "Location", name: "E2E Clinic main site", managingOrganization: { reference: "urn:uuid:e2e00000-0000-4000-8000-000000000001" } },
          request: { method: "POST", url: "Location" },
        },
      ],
    },
  });

  expect(response.status()).toBe(200);
  const bundle = (await response.json()) as { type: string; entry: { response: { status: string }; resource: { id: string; managingOrganization?: { reference: string } } }[] };
  expect(bundle.type).toBe("transaction-response");
  expect(bundle.entry.map((entry) => entry.response.status)).toEqual(["201 Created", "201 Created"]);
  expect(bundle.entry[1]?.resource.managingOrganization?.reference).toBe(`Organization/${bundle.entry[0]?.resource.id ?? ""}`);
  await page.goto(`/fhir/R4/Location/${bundle.entry[1]?.resource.id ?? ""}`);
  await expect(page.getByText('"name":"E2E Clinic main site"')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("admin-transaction-location.png") });
});
