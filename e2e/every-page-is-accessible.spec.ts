import { expect, test, type Page } from "@playwright/test";

import { demoAccounts, signIn } from "./demo-accounts";
import { expectAccessible } from "./expect-accessible";

/** A page to check: its path, or a function that finds it from a page already open. */
interface Route {
  name: string;
  path: string | ((page: Page) => Promise<string>);
}

const memberRoutes: Route[] = [
  { name: "home", path: "/member" },
  { name: "claims", path: "/member/claims" },
  { name: "claim detail", path: firstClaimPath },
  { name: "coverage", path: "/member/coverage" },
  { name: "dependents", path: "/member/dependents" },
  { name: "health record", path: "/member/health" },
  ...["encounters", "conditions", "medications", "immunizations", "allergies", "procedures", "labs"].map((section) => ({
    name: `health record: ${section}`,
    path: `/member/health/${section}`,
  })),
  { name: "care gaps", path: "/member/care-gaps" },
  { name: "spending", path: "/member/spending" },
  { name: "profile", path: "/member/profile" },
  { name: "access log", path: "/member/profile/access-log" },
];

const careManagerRoutes: Route[] = [
  { name: "worklist", path: "/care" },
  { name: "member view", path: firstPanelMemberPath },
  { name: "evidence review", path: "/care/evidence" },
  { name: "panel insights", path: "/care/insights" },
];

const adminRoutes: Route[] = [
  { name: "admin home", path: "/admin" },
  { name: "care panels", path: "/admin/panels" },
  { name: "audit log", path: "/admin/audit" },
  { name: "population dashboard", path: "/admin/dashboard" },
  { name: "SQL console", path: "/admin/sql" },
  { name: "imports", path: "/admin/imports" },
];

const roles = [
  { role: "member", account: demoAccounts.member, routes: memberRoutes },
  { role: "care manager", account: demoAccounts.careManager, routes: careManagerRoutes },
  { role: "admin", account: demoAccounts.admin, routes: adminRoutes },
] as const;

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test("signed-out pages are accessible", async ({ page }) => {
      for (const path of ["/sign-in", "/sign-out", "/no-such-page"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectAccessible(page);
      }
    });

    // NOTE: the main member and care manager pages get a dark-mode axe run in
    // member-pages-in-dark-mode and the chart journeys; to keep CI short, the dark pass here covers
    // the admin pages only, so detail pages such as a claim are checked in light mode alone.
    for (const { role, account, routes } of roles.filter((entry) => colorScheme === "light" || entry.role === "admin")) {
      test(`${role} pages are accessible`, async ({ page }) => {
        await signIn(page, account);

        for (const route of routes) {
          const path = typeof route.path === "string" ? route.path : await route.path(page);
          const response = await page.goto(path);
          expect(response?.status(), `status of the ${route.name} page (${path})`).toBe(200);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          await expectAccessible(page);
        }
      });
    }
  });
}

/** Returns the path of the first claim on the member's claims list. */
async function firstClaimPath(page: Page): Promise<string> {
  await page.goto("/member/claims");
  return await hrefOf(page, page.getByRole("table", { name: /Your claims/ }).getByRole("link").first());
}

/** Returns the path of the first member on the care manager's worklist. */
async function firstPanelMemberPath(page: Page): Promise<string> {
  await page.goto("/care");
  return await hrefOf(page, page.getByRole("table", { name: "Panel members" }).getByRole("link").first());
}

async function hrefOf(page: Page, link: ReturnType<Page["getByRole"]>): Promise<string> {
  const href = await link.getAttribute("href");
  expect(href, `a link on ${page.url()}`).toBeTruthy();
  return href ?? "";
}
