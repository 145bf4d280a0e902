import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { demoAccounts } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

// A tiny SMART app on its own loopback port: fhirclient's browser build launches it against the
// portal, as a member's app on another origin would. The demo seed registers its client_id with a
// loopback redirect_uri that matches on any port.
const appPort = Number(process.env.E2E_PORT ?? 3100) + 1;
const appOrigin = `http://127.0.0.1:${appPort}`;
const fhirClientScript = readFileSync(path.join(import.meta.dirname, "../node_modules/fhirclient/build/fhir-client.js"), "utf8");

function launchPage(iss: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test app</title><script src="/fhir-client.js"></script></head>
<body><main><h1>Test app</h1><p role="status">Connecting</p></main>
<script>
FHIR.oauth2.authorize({ clientId: "lakeview-demo-app", scope: "launch/patient patient/Coverage.rs patient/ExplanationOfBenefit.rs patient/Patient.r", redirectUri: "callback.html", iss: ${JSON.stringify(iss)}, pkceMode: "required" });
</script></body></html>`;
}

const callbackPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test app</title><script src="/fhir-client.js"></script></head>
<body><main><h1>Test app</h1><p id="status" role="status">Reading</p>
<dl><dt>Patient</dt><dd id="patient"></dd><dt>Coverage</dt><dd id="coverage"></dd><dt>Claims</dt><dd id="claims"></dd><dt>Claim pages</dt><dd id="claim-pages"></dd><dt>Patient search</dt><dd id="patient-search"></dd></dl></main>
<script>
async function readAll(client, url) {
  let pages = 0;
  const ids = [];
  await client.request(url, { pageLimit: 0, onPage: (bundle) => { pages += 1; for (const entry of bundle.entry || []) ids.push(entry.resource.resourceType + "/" + entry.resource.id); } });
  return { pages, ids };
}
FHIR.oauth2.ready().then(async (client) => {
  const coverage = await readAll(client, "Coverage?_count=2");
  const claims = await readAll(client, "ExplanationOfBenefit?_count=5");
  const self = await client.request("Patient/" + client.patient.id);
  const patientSearch = await client.request("Patient").then(() => "allowed", (error) => String(error.status));
  document.getElementById("patient").textContent = self.id;
  document.getElementById("coverage").textContent = String(coverage.ids.length);
  document.getElementById("claims").textContent = String(claims.ids.length);
  document.getElementById("claim-pages").textContent = String(claims.pages);
  document.getElementById("patient-search").textContent = patientSearch;
  document.getElementById("status").textContent = "Done";
}).catch((error) => { document.getElementById("status").textContent = "Failed: " + error.message; });
</script></body></html>`;

let appServer: Server;

test.beforeAll(async ({}, testInfo) => {
  const iss = `${String(testInfo.project.use.baseURL)}/fhir/R4`;
  appServer = createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", appOrigin).pathname;
    const pages: Record<string, [string, string]> = {
      "/launch.html": ["text/html", launchPage(iss)],
      "/callback.html": ["text/html", callbackPage],
      "/fhir-client.js": ["text/javascript", fhirClientScript],
    };
    const page = pages[pathname];
    response.writeHead(page ? 200 : 404, { "content-type": page?.[0] ?? "text/plain" });
    response.end(page?.[1] ?? "not found");
  });
  await new Promise<void>((resolve) => appServer.listen(appPort, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => appServer.close(() => resolve()));
});

test("member launches an app and it reads coverage and claims", async ({ page }) => {
  await page.goto(`${appOrigin}/launch.html`);

  await expect(page.getByRole("heading", { name: "Sign in to Lakeview" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("1-sign-in.png") });
  await page.getByLabel("Email").fill(demoAccounts.member.email);
  await page.getByLabel("Password").fill(demoAccounts.member.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { name: "Allow an app to see your health plan data?" })).toBeVisible();
  await expect(page.getByText("Lakeview demo app is asking to connect to your Lakeview account.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Read and search your claims" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("2-consent.png") });
  await page.getByRole("button", { name: "Allow", exact: true }).click();

  await expect(page.getByRole("status")).toHaveText("Done", { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath("3-app-results.png") });

  const own = await page.request.get("/fhir/R4/Patient", { headers: { Accept: "application/fhir+json" } });
  const ownPatientId = ((await own.json()) as { entry: { resource: { id: string } }[] }).entry[0]?.resource.id;
  const claimCount = await page.request.get("/fhir/R4/ExplanationOfBenefit?_summary=count");
  const claimTotal = ((await claimCount.json()) as { total: number }).total;
  await expect(page.locator("#patient")).toHaveText(ownPatientId ?? "missing");
  await expect(page.locator("#claims")).toHaveText(String(claimTotal));
  expect(Number(await page.locator("#claim-pages").textContent())).toBe(Math.ceil(claimTotal / 5));
  expect(Number(await page.locator("#coverage").textContent())).toBeGreaterThan(0);
  // The app was granted patient/Patient.r, which allows reading the member's Patient but not searching.
  await expect(page.locator("#patient-search")).toHaveText("403");
});

test("member who declines sends the app access_denied", async ({ page }) => {
  await page.goto(`${appOrigin}/launch.html`);
  await page.getByLabel("Email").fill(demoAccounts.member2.email);
  await page.getByLabel("Password").fill(demoAccounts.member2.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await page.getByRole("button", { name: "Don't allow" }).click();

  await expect(page).toHaveURL(/callback\.html\?.*error=access_denied/);
  await page.screenshot({ path: test.info().outputPath("declined.png") });
});
