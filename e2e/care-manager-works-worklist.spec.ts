import { expect, test, type Page } from "@playwright/test";
import type { Bundle, DetectedIssue, Observation, Patient, Task } from "fhir/r4";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

const codeSystems = "https://lakeview.example/fhir/CodeSystem";
const fhirJson = { "content-type": "application/fhir+json", accept: "application/fhir+json" };

/** Stores a resource under its own id through the FHIR API, as the signed-in admin. */
async function putResource(admin: Page, resource: DetectedIssue | Observation | Task): Promise<void> {
  const response = await admin.request.put(`/fhir/R4/${resource.resourceType}/${resource.id}`, { data: resource, headers: fhirJson });
  expect(response.ok(), `PUT ${resource.resourceType}/${resource.id}: ${await response.text()}`).toBe(true);
}

/** Builds an open care gap and a pending member-reported mammogram for it, as the member side stores them. */
function reportedMammogram(patientId: string): [DetectedIssue, Observation, Task] {
  const gapId = `gap-lakeview-cms125-${patientId}-2026`.slice(0, 64);
  return [
    {
      resourceType: "DetectedIssue",
      id: gapId,
      status: "preliminary",
      code: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "CAREGAP" }] },
      patient: { reference: `Patient/${patientId}` },
      identifiedDateTime: "2026-03-01T00:00:00Z",
      implicated: [{ reference: "Measure/lakeview-cms125" }],
    },
    {
      resourceType: "Observation",
      id: "e2e-reported-mammogram",
      meta: {
        tag: [
          { system: `${codeSystems}/evidence-review`, code: "pending" },
          { system: `${codeSystems}/evidence-source`, code: "patient-reported" },
        ],
      },
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "24606-6" }], text: "Mammography" },
      subject: { reference: `Patient/${patientId}` },
      effectiveDateTime: "2026-02-10",
    },
    {
      resourceType: "Task",
      id: "e2e-review-mammogram",
      status: "requested",
      intent: "order",
      code: { coding: [{ system: `${codeSystems}/task-type`, code: "review-reported-evidence" }] },
      for: { reference: `Patient/${patientId}` },
      focus: { reference: "Observation/e2e-reported-mammogram" },
      reasonReference: { reference: `DetectedIssue/${gapId}` },
      authoredOn: "2026-06-02T10:00:00Z",
      requester: { reference: `Patient/${patientId}` },
    },
  ];
}

test("care manager works the worklist", async ({ browser, page }) => {
  await signIn(page, demoAccounts.careManager);
  // The last panel patient by id: the member journeys use the first demo family, whose gaps they
  // report and close, so this journey stays clear of them.
  const panel = await page.request.get("/fhir/R4/Patient?_count=1&_sort=-_id", { headers: { accept: "application/fhir+json" } });
  const patient = ((await panel.json()) as Bundle<Patient>).entry?.[0]?.resource;
  const patientId = patient?.id;
  expect(patientId, "the demo care manager has a panel").toBeTruthy();
  const family = patient?.name?.[0]?.family ?? "";

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demoAccounts.admin);
  for (const resource of reportedMammogram(patientId ?? "")) {
    await putResource(admin, resource);
  }

  await page.goto("/care");
  await expect(page.getByRole("heading", { level: 1, name: "Worklist" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Panel members" }).getByRole("row")).not.toHaveCount(1);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("1-worklist.png") });

  await page.getByLabel("Care gaps").selectOption("open");
  await page.getByRole("searchbox", { name: "Name" }).fill(family);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/gaps=open/);
  // Relatives share the family name, so the row is found by its link to this patient.
  const member = page.getByRole("table", { name: "Panel members" }).locator(`a[href="/care/members/${patientId ?? ""}"]`);
  await expect(member).toBeVisible();
  const memberName = (await member.textContent()) ?? "";
  await page.screenshot({ path: test.info().outputPath("2-filtered.png") });

  await member.click();
  await expect(page.getByRole("heading", { level: 1, name: memberName })).toBeVisible();
  await expect(page.getByRole("table", { name: "Care gaps" })).toContainText("Open");
  await expectAccessible(page);

  const callForm = page.getByRole("form", { name: "Log a call" });
  await callForm.getByLabel("Outcome").selectOption("left-voicemail");
  await callForm.getByLabel("Note", { exact: true }).fill("Called about the mammogram; will try again Tuesday.");
  await page.getByRole("button", { name: "Log call" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Call logged." })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Left voicemail" })).toContainText("will try again Tuesday");
  await page.screenshot({ path: test.info().outputPath("3-call-logged.png") });

  await page.getByRole("link", { name: "Evidence review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Evidence review" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Accept: Mammography, ${memberName}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accepted." })).toBeVisible();
  // Other journeys may leave reports of their own in the queue, so only this report must be gone.
  await expect(page.getByRole("button", { name: `Accept: Mammography, ${memberName}` })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("4-evidence-accepted.png") });

  const task = (await (await admin.request.get("/fhir/R4/Task/e2e-review-mammogram", { headers: fhirJson })).json()) as Task;
  const observation = (await (await admin.request.get("/fhir/R4/Observation/e2e-reported-mammogram", { headers: fhirJson })).json()) as Observation;
  expect(task.status).toBe("completed");
  expect(observation.meta?.tag).toContainEqual({ system: `${codeSystems}/evidence-review`, code: "accepted" });
  await adminContext.close();
});

/** Lists the ids of the Patients the signed-in user may read through the FHIR API. */
async function readablePatientIds(page: Page): Promise<string[]> {
  const response = await page.request.get("/fhir/R4/Patient?_count=200&_elements=id", { headers: { accept: "application/fhir+json" } });
  const bundle = (await response.json()) as Bundle<Patient>;
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource?.id ? [entry.resource.id] : []));
}

test("care manager gets a 404 for a patient off the panel", async ({ browser, page }) => {
  await signIn(page, demoAccounts.careManager);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demoAccounts.admin);
  const panel = new Set(await readablePatientIds(page));
  const outside = (await readablePatientIds(admin)).find((id) => !panel.has(id));
  await adminContext.close();
  expect(outside, "the demo data has patients off the care manager's panel").toBeTruthy();

  const offPanel = await page.goto(`/care/members/${outside ?? ""}`);
  const absent = await page.goto("/care/members/no-such-patient");
  const worklist = await page.request.get(`/care/api/worklist?q=${encodeURIComponent(outside ?? "")}`);

  expect(offPanel?.status()).toBe(404);
  expect(absent?.status()).toBe(404);
  expect(((await worklist.json()) as { rows: { patientId: string }[] }).rows.map((row) => row.patientId)).not.toContain(outside);
});
