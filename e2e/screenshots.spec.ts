import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { E2E } from "../playwright.config";
import { openConsentPopup, readRedirectUriAndNext, registerClientInWorkday, sim, startWizard, tickAllAndNext } from "./support";

// Takes the README's screenshots (pnpm screenshots). Skipped in the ordinary test run.
const shot = (name: string) => ({ path: path.resolve("docs/screenshots", `${name}.png`), fullPage: true });

/** A phone-sized shot (390 px wide, one screen high: a full page on a phone is too tall to read in the README), then back to the desktop size. */
async function phoneShot(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  // Focus on a step's heading scrolls the page; the shot starts at the top bar.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.resolve("docs/screenshots", `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("screenshots of the wizard and the status pages", async ({ page, context, request }) => {
  test.skip(!process.env.SCREENSHOTS, "run with SCREENSHOTS=1 (pnpm screenshots)");
  await page.setViewportSize({ width: 1280, height: 800 });
  // With the tenant's address, the Workday task names are links into it.
  const id = await startWizard(page, "Acme production", `${E2E.simUrl}/acme/d/home.htmld`);
  await page.screenshot(shot("1-prerequisites"));
  await tickAllAndNext(page);
  await page.screenshot(shot("2-tenant-setup"));
  await tickAllAndNext(page);
  await page.screenshot(shot("3-register-api-client"));
  await phoneShot(page, "15-phone-wizard");
  const redirectUri = await readRedirectUriAndNext(page);
  const block = await registerClientInWorkday(context, "acme", redirectUri);
  await page.getByLabel("Paste from Workday").fill(block);
  await page.getByRole("button", { name: "Fill fields" }).click();
  await page.screenshot(shot("4-enter-details"));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/step=connect/);
  await page.screenshot(shot("5-connect"));
  const wd = await openConsentPopup(page);
  await wd.getByLabel("Username").fill("isu_wdconnect");
  await wd.getByLabel("Password").fill("Workday-isu-1");
  await wd.getByRole("button", { name: "Sign In" }).click();
  await wd.screenshot(shot("6-workday-consent"));
  await wd.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Workday was successfully connected" })).toBeVisible();
  await expect(page.getByText(/Status after the checks/)).toBeVisible();
  await page.screenshot(shot("7-done-verified"));
  await page.goto(`/connectors/${id}`);
  // The page renders once its data is in, after the load event: a shot before it shows "Loading…".
  await expect(page.getByRole("button", { name: "Run checks now" })).toBeVisible();
  await page.screenshot(shot("8-connector-connected"));
  await phoneShot(page, "16-phone-connector");
  await sim(request, "PUT", "/tenants/acme/permissions/system_auditing", { granted: false });
  await sim(request, "POST", "/tenants/acme/permissions/activate", {});
  try {
    await page.getByRole("button", { name: "Run checks now" }).click();
    await expect(page.getByText("Action required in Workday").first()).toBeVisible();
    await page.screenshot(shot("9-connector-action-required"));
  } finally {
    await sim(request, "PUT", "/tenants/acme/permissions/system_auditing", { granted: true });
    await sim(request, "POST", "/tenants/acme/permissions/activate", {});
  }
  await page.goto("/connectors");
  await expect(page.getByRole("link", { name: "Acme production" })).toBeVisible();
  await page.screenshot(shot("0-app-connectors"));
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  await page.screenshot(shot("10-users"));
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.screenshot(shot("11-audit-log"));
  const channel = { kind: "email", name: "SOC inbox", recipients: ["soc@example.com"], events: ["connector.status_changed", "activity.stalled"] };
  expect((await page.request.post("/api/notifications/channels", { headers: { "x-csrf": "1" }, data: channel })).status()).toBe(201);
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await page.screenshot(shot("14-notifications"));
});

test("screenshot of the hand-off page the Workday administrator opens", async ({ page, browser }) => {
  test.skip(!process.env.SCREENSHOTS, "run with SCREENSHOTS=1 (pnpm screenshots)");
  await page.setViewportSize({ width: 1280, height: 800 });
  const id = await startWizard(page, "Acme production (hand-off)", `${E2E.simUrl}/acme/d/home.htmld`);
  await page.goto(`/connectors/${id}`);
  const section = page.getByRole("region", { name: "Hand-off link" });
  await section.getByRole("button", { name: "Create hand-off link" }).click();
  const url = await section.locator("code.handoff-url").innerText();
  // The Workday administrator's browser: no console session.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 1280, height: 800 } });
  const wd = await context.newPage();
  await wd.goto(url);
  await expect(wd.getByRole("heading", { level: 1, name: /^Connect Workday – / })).toBeVisible();
  await wd.screenshot(shot("17-handoff"));
  await context.close();
});

test("screenshot of the API tokens page with a token just created", async ({ page }) => {
  test.skip(!process.env.SCREENSHOTS, "run with SCREENSHOTS=1 (pnpm screenshots)");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/api-tokens");
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  // A throwaway token of the demo run: showing its secret is the point of the shot.
  const form = page.getByRole("region", { name: "Create API token" });
  await form.getByLabel("Name", { exact: true }).fill("Uptime monitor");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("region", { name: "New API token: Uptime monitor" })).toBeVisible();
  // The list is read again after the create: the shot waits for the new row.
  await expect(page.getByRole("cell", { name: "Uptime monitor", exact: true })).toBeVisible();
  await page.screenshot(shot("18-api-tokens"));
});

test("screenshot of the sign-in page", async ({ browser }) => {
  test.skip(!process.env.SCREENSHOTS, "run with SCREENSHOTS=1 (pnpm screenshots)");
  const context = await browser.newContext({ baseURL: E2E.bffUrl, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to workday-connect" })).toBeVisible();
  await page.screenshot(shot("00-sign-in"));
  await context.close();
});
