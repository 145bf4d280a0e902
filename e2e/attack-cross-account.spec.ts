import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import type { Bundle, Patient, Task } from "fhir/r4";

import { demoAccounts, signIn } from "./demo-accounts";

// Two members of different families and two care managers with disjoint panels try to reach each
// other's data through guessed URLs, API routes and replayed server actions. Every attempt must
// end in not-found or the forbidden page, and no response may carry the other side's names.

type AccountName = "member" | "member2" | "careManager" | "careManager2";

/** What the suite learns about each account before the attacks: its patient and the names to look for. */
interface Target {
  patientId: string;
  names: string[];
  /** A claim page path of a member, such as /member/claims/eob-1. */
  claimPath?: string;
}

/** Who attacks whom: each member the other member, each care manager the other's panel. */
const opponents: Record<AccountName, AccountName> = { member: "member2", member2: "member", careManager: "careManager2", careManager2: "careManager" };

/** What a guessed URL must return: Next's not-found page, the forbidden page, or an empty or 404 API response. */
type Expectation = "not-found-page" | "forbidden-page" | "api-404" | "api-empty";

/**
 * Guessed URLs per role. `{patient}` is the opponent's Patient id and `{claim}` their claim page.
 * New pages join by adding a row: admin-only pages under "every" with "forbidden-page".
 */
const guessedUrls: { who: "member" | "care" | "every"; path: string; expect: Expectation }[] = [
  { who: "member", path: "{claim}", expect: "not-found-page" },
  { who: "member", path: "/fhir/R4/Patient/{patient}", expect: "api-404" },
  { who: "member", path: "/fhir/R4/Patient/{patient}/$everything", expect: "api-404" },
  { who: "member", path: "/fhir/R4/Coverage?beneficiary={patient}", expect: "api-empty" },
  { who: "member", path: "/fhir/R4/ExplanationOfBenefit?patient={patient}", expect: "api-empty" },
  { who: "member", path: "/care", expect: "forbidden-page" },
  { who: "member", path: "/care/members/{patient}", expect: "forbidden-page" },
  { who: "member", path: "/care/evidence", expect: "forbidden-page" },
  { who: "member", path: "/care/insights", expect: "forbidden-page" },
  { who: "care", path: "/care/members/{patient}", expect: "not-found-page" },
  { who: "care", path: "/fhir/R4/Patient/{patient}", expect: "api-404" },
  { who: "care", path: "/fhir/R4/Patient/{patient}/$everything", expect: "api-404" },
  { who: "care", path: "/fhir/R4/Observation?subject=Patient/{patient}", expect: "api-empty" },
  { who: "care", path: "/fhir/R4/Coverage?beneficiary={patient}", expect: "api-empty" },
  { who: "care", path: "/member", expect: "forbidden-page" },
  { who: "care", path: "/member/claims", expect: "forbidden-page" },
  { who: "every", path: "/admin", expect: "forbidden-page" },
  { who: "every", path: "/admin/audit", expect: "forbidden-page" },
  { who: "every", path: "/admin/panels", expect: "forbidden-page" },
  { who: "every", path: "/admin/dashboard", expect: "forbidden-page" },
  { who: "every", path: "/admin/sql", expect: "forbidden-page" },
  { who: "every", path: "/admin/imports", expect: "forbidden-page" },
];

const targets = {} as Record<AccountName, Target>;

function namesOf(patient: Patient): string[] {
  return (patient.name ?? []).flatMap((name) => [...(name.given ?? []), name.family ?? ""]).filter((part) => part.length > 2);
}

/** Signs in, reads the account's first visible Patient through the FHIR API, and for members their first claim page. */
async function loadTarget(browser: Browser, account: AccountName): Promise<Target> {
  const page = await browser.newPage();
  await signIn(page, demoAccounts[account]);
  const bundle = (await (await page.request.get("/fhir/R4/Patient?_count=1&_sort=_id")).json()) as Bundle<Patient>;
  const patient = bundle.entry?.[0]?.resource;
  if (!patient?.id) throw new Error(`${account} sees no Patient through the FHIR API; check the e2e preparation.`);

  let claimPath: string | undefined;
  if (account === "member" || account === "member2") {
    await page.goto("/member/claims");
    claimPath = (await page.getByRole("table", { name: /Your claims/ }).getByRole("row").nth(1).getByRole("link").getAttribute("href")) ?? undefined;
  }
  await page.close();
  return { patientId: patient.id, names: namesOf(patient), claimPath };
}

test.beforeAll(async ({ browser }) => {
  for (const account of Object.keys(opponents) as AccountName[]) targets[account] = await loadTarget(browser, account);
});

function fill(path: string, victim: Target): string {
  return path.replace("{patient}", victim.patientId).replace("{claim}", victim.claimPath ?? "/member/claims/none");
}

async function expectNoNames(text: string, victim: Target): Promise<void> {
  for (const name of victim.names) expect(text, `the response names the other account's patient (${name.length} letters)`).not.toContain(name);
}

async function expectApi(response: APIResponse, expectation: "api-404" | "api-empty", victim: Target): Promise<void> {
  const text = await response.text();
  await expectNoNames(text, victim);
  for (const header of ["location", "content-location", "etag", "last-modified"]) {
    expect(response.headers()[header] ?? "").not.toContain(victim.patientId);
  }
  if (expectation === "api-404") {
    expect(response.status()).toBe(404);
    return;
  }
  expect(response.status()).toBe(200);
  expect((JSON.parse(text) as Bundle).entry ?? []).toEqual([]);
}

for (const account of Object.keys(opponents) as AccountName[]) {
  const role = account.startsWith("member") ? "member" : "care";

  test(`${account} reaches nothing of the other account by guessed URLs`, async ({ page }) => {
    const victim = targets[opponents[account]];
    await signIn(page, demoAccounts[account]);

    for (const row of guessedUrls.filter((candidate) => candidate.who === role || candidate.who === "every")) {
      const url = fill(row.path, victim);
      if (row.expect === "api-404" || row.expect === "api-empty") {
        await expectApi(await page.request.get(url), row.expect, victim);
        continue;
      }

      const response = await page.goto(url);
      await expectNoNames(await page.content(), victim);
      if (row.expect === "not-found-page") {
        expect(response?.status(), url).toBe(404);
        await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      } else {
        await expect(page, url).toHaveURL(/\/forbidden$/);
      }
    }
  });
}

/** A server action request the browser sent, to replay with forged arguments. */
interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: string;
}

async function captureAction(page: Page, submit: () => Promise<void>): Promise<CapturedAction> {
  const requested = page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
  await submit();
  const request = await requested;
  const headers = await request.allHeaders();
  return { url: request.url(), headers: Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(":") && name !== "content-length" && name !== "cookie")), body: request.postData() ?? "" };
}

/** Posts a captured action again with another body, as a forged client would. */
function replay(page: Page, action: CapturedAction, body: string, contentType?: string): Promise<APIResponse> {
  return page.request.post(action.url, { headers: { ...action.headers, ...(contentType ? { "content-type": contentType } : {}) }, data: body, maxRedirects: 0 });
}

test("care manager's replayed note for an off-panel patient is not found", async ({ page }) => {
  const own = targets.careManager;
  const victim = targets.careManager2;
  await signIn(page, demoAccounts.careManager);
  await page.goto(`/care/members/${own.patientId}`);
  const noteForm = page.getByRole("form", { name: "Add a note" });
  await noteForm.getByLabel("Note").fill("Checked in about the next visit.");
  const action = await captureAction(page, () => noteForm.getByRole("button", { name: "Add note" }).click());
  expect(action.body).toContain(own.patientId);

  const forgedId = await replay(page, action, action.body.replaceAll(own.patientId, victim.patientId));
  const forgedText = await forgedId.text();

  expect(forgedId.status()).toBe(200);
  expect(forgedText).toContain('"status":"not-found"');
  await expectNoNames(forgedText, victim);
});

test("forged action arguments get an invalid result, not a crash", async ({ page }) => {
  await signIn(page, demoAccounts.careManager);
  await page.goto(`/care/members/${targets.careManager.patientId}`);
  const noteForm = page.getByRole("form", { name: "Add a note" });
  await noteForm.getByLabel("Note").fill("Left a voicemail.");
  const action = await captureAction(page, () => noteForm.getByRole("button", { name: "Add note" }).click());

  for (const forged of ['["Patient/x"]', '[{"patientId":"x","note":"y"}]', "[]", '[null, 7, "z"]']) {
    const response = await replay(page, action, forged, "text/plain;charset=UTF-8");
    const text = await response.text();

    expect(response.status(), forged).toBe(200);
    expect(text, forged).toContain('"status":"invalid"');
  }
});

/** Builds an undecided review of member-reported evidence, the Task the evidence page lists. */
function evidenceReview(id: string, patientId: string): Task {
  return {
    resourceType: "Task",
    id,
    status: "requested",
    intent: "order",
    code: { coding: [{ system: "https://lakeview.example/fhir/CodeSystem/task-type", code: "review-reported-evidence" }] },
    for: { reference: `Patient/${patientId}` },
    authoredOn: "2026-06-02T10:00:00Z",
  };
}

test("care manager cannot decide another panel's evidence review", async ({ browser, page }) => {
  const victim = targets.careManager;
  const admin = await browser.newPage();
  await signIn(admin, demoAccounts.admin);
  for (const review of [evidenceReview("e2e-attack-review", victim.patientId), evidenceReview("e2e-attack-review-own", targets.careManager2.patientId)]) {
    const stored = await admin.request.put(`/fhir/R4/Task/${review.id}`, { data: review, headers: { "content-type": "application/fhir+json" } });
    expect(stored.ok()).toBe(true);
  }

  await signIn(page, demoAccounts.careManager2);
  await page.goto("/care/evidence");
  const ownReview = page.locator('form:has(input[name="taskId"][value="e2e-attack-review-own"])').first();
  const action = await captureAction(page, () => ownReview.getByRole("button").click());
  const response = await replay(page, action, action.body.replaceAll("e2e-attack-review-own", "e2e-attack-review"));
  const text = await response.text();
  const after = (await (await admin.request.get("/fhir/R4/Task/e2e-attack-review")).json()) as Task;

  expect(response.status()).toBe(200);
  expect(text).toContain('"status":"not-found"');
  await expectNoNames(text, victim);
  expect(after.status).toBe("requested");
  expect(after.meta?.versionId).toBe("1");
  await admin.close();
});

test("member's replayed record switch to another family is ignored", async ({ page }) => {
  const own = targets.member;
  const victim = targets.member2;
  await signIn(page, demoAccounts.member);
  await page.goto("/member/dependents");
  const viewButton = page.getByRole("list", { name: "Family members" }).getByRole("button", { name: /^View .+'s record$/ }).first();
  const action = await captureAction(page, () => viewButton.click());
  await page.getByRole("region", { name: "Whose record you are viewing" }).getByRole("button", { name: "Back to my record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();

  const dependentId = /name="[^"]*patientId"\r\n\r\n([A-Za-z0-9.-]+)/.exec(action.body)?.[1] ?? "";
  expect(dependentId).not.toBe("");
  const forged = await replay(page, action, action.body.replaceAll(dependentId, victim.patientId));
  await page.goto("/member");
  const home = await page.content();

  expect(forged.status()).toBeLessThan(500);
  await expectNoNames(home, victim);
  await expectNoNames(await page.request.get("/member/coverage").then((response) => response.text()), victim);
  for (const name of own.names.slice(0, 1)) expect(home).toContain(name);
});
