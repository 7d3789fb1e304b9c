import { expect, test, type Browser, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { E2E } from "../playwright.config";
import { openConsentPopup, registerClientInWorkday, signInAndDecide, startWizard, unique } from "./support";

/** On the connector page (signed in as the admin): creates a hand-off link and reads the URL shown once. */
async function createLink(page: Page, id: string): Promise<string> {
  await page.goto(`/connectors/${id}`);
  const section = page.getByRole("region", { name: "Hand-off link" });
  await expect(section.getByLabel("Expires after")).toHaveValue("24");
  await section.getByRole("button", { name: "Create hand-off link" }).click();
  const url = await section.locator("code.handoff-url").innerText();
  expect(url).toMatch(/\/handoff#[A-Za-z0-9_-]{43}$/);
  return url;
}

/** A browser with no console session at all: the Workday administrator's. */
async function workdayAdminBrowser(browser: Browser) {
  return browser.newContext({ storageState: { cookies: [], origins: [] } });
}

/** On the hand-off page: registers the API client in the simulated Workday with the page's values, and saves the details. */
async function enterDetailsOnHandoff(wd: Page) {
  const row = wd.getByRole("row", { name: /Redirection URI/ });
  const redirectUri = /https?:\/\/\S+\/api\/oauth\/connect\/[0-9a-f-]{36}/.exec((await row.textContent()) ?? "")?.[0] ?? "";
  expect(redirectUri).not.toBe("");
  const block = await registerClientInWorkday(wd.context(), "acme", redirectUri);
  await wd.getByLabel("Paste from Workday").fill(block);
  await wd.getByRole("button", { name: "Fill fields" }).click();
  await wd.getByRole("button", { name: "Save details" }).click();
  await expect(wd.getByText("Saved. Now connect Workday below.")).toBeVisible();
  return /Client Secret\s+(\S+)/.exec(block)?.[1] ?? "";
}

test.describe("hand-off link", () => {
  test("when an admin sends a hand-off link, then the Workday administrator connects without an account, the link works once and the audit log shows it", async ({
    page,
    browser,
  }) => {
    const name = unique("Hand-off");
    const id = await startWizard(page, name);
    const url = await createLink(page, id);
    const token = url.split("#")[1] ?? "";

    const context = await workdayAdminBrowser(browser);
    const wd = await context.newPage();
    await wd.goto(url);
    await expect(wd.getByRole("heading", { level: 1, name: `Connect Workday – ${name}` })).toBeVisible();
    await expect(wd).toHaveTitle(`Connect Workday – ${name} · workday-connect`);
    await expect(wd).toHaveURL(/\/handoff$/);
    await expect(wd.getByRole("link", { name: "App Connectors" })).toHaveCount(0);
    const secret = await enterDetailsOnHandoff(wd);

    const popup = await openConsentPopup(wd);
    await signInAndDecide(popup, "Allow");
    await expect.poll(() => popup.isClosed(), { message: "the pop-up closes itself" }).toBe(true);
    await expect(wd.getByRole("heading", { name: "Workday was connected" })).toBeVisible();
    await expect(wd.getByText(/Status after the checks/)).toBeVisible();
    await expect(wd.getByText("Connected", { exact: true }).first()).toBeVisible();

    // Neither the token nor the client secret is anywhere the browser keeps or the server logs.
    const seen = [
      await wd.content(),
      await wd.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie),
      JSON.stringify(await context.cookies()),
      readFileSync(E2E.bffLogFile, "utf8"),
    ].join("\n");
    expect(seen.includes(token), "the hand-off token leaked").toBe(false);
    expect(seen.includes(secret), "the client secret leaked").toBe(false);

    // The link was spent by the consent: opening it again is refused.
    const again = await context.newPage();
    await again.goto(url);
    await expect(again.getByRole("heading", { name: "This hand-off link can no longer be used" })).toBeVisible();
    await expect(again.getByText(/This hand-off link has already been used/)).toBeVisible();
    await context.close();

    // The admin sees the use on the connector page and in the audit log.
    await page.goto(`/connectors/${id}`);
    const section = page.getByRole("region", { name: "Hand-off link" });
    await expect(section.getByRole("cell", { name: "Used" })).toBeVisible();
    await expect(section.getByText(/Completed consent/)).toBeVisible();
    await page.goto(`/audit?targetId=${id}`);
    await expect(page.getByRole("cell", { name: "Hand-off link used" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Hand-off link created" })).toBeVisible();
  });

  test("when pop-ups are blocked, then consent runs as a full-page redirect and the results show on the hand-off page", async ({ page, browser }) => {
    const id = await startWizard(page, unique("Hand-off redirect"));
    const url = await createLink(page, id);
    const context = await workdayAdminBrowser(browser);
    await context.addInitScript(() => {
      window.open = () => null;
    });
    const wd = await context.newPage();
    await wd.goto(url);
    await enterDetailsOnHandoff(wd);
    await wd.getByRole("button", { name: "Connect Workday" }).click();
    await expect(wd.getByRole("heading", { name: "Sign In" })).toBeVisible();
    await signInAndDecide(wd, "Allow");
    await expect(wd.getByRole("heading", { name: "Workday was connected" })).toBeVisible();
    await expect(wd.getByText(/Status after the checks/)).toBeVisible();
    await expect(wd).toHaveURL(/\/handoff$/);
    await context.close();
  });
});
