import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { E2E } from "../playwright.config";

export const ISU = { username: "isu_wdconnect", password: "Workday-isu-1" };

/** The simulator's JSON control API (setting up Workday-side state the way a Workday admin would). */
export async function sim<T = unknown>(
  request: APIRequestContext,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  data?: unknown,
): Promise<T> {
  const res = await request.fetch(`${E2E.simServicesUrl}/_sim/api${path}`, { method, ...(data !== undefined ? { data } : {}) });
  expect(res.ok(), `${method} ${path} → ${res.status()} ${await res.text()}`).toBe(true);
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** App Connectors → Connect an app → Workday → Name → Next; returns the new connector's id. */
export async function startWizard(page: Page, name: string, workdayAddress?: string): Promise<string> {
  await page.goto("/connectors");
  await expect(page.getByRole("heading", { name: "App Connectors" })).toBeVisible();
  await page.getByRole("button", { name: "Connect an app" }).click();
  await page.getByRole("link", { name: "Workday", exact: true }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  if (workdayAddress !== undefined) await page.getByLabel("Workday address (optional)").fill(workdayAddress);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/connectors\/[0-9a-f-]{36}\/setup\?step=prerequisites/);
  return /\/connectors\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? "";
}

/** Clicks Next and waits until the wizard shows another step. */
export async function nextStep(page: Page) {
  const heading = page.getByRole("heading", { level: 2 });
  const before = await heading.textContent();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(heading).not.toHaveText(before ?? "");
}

/** Ticks every row of the current checklist step and moves on. */
export async function tickAllAndNext(page: Page) {
  const boxes = page.locator("main").getByRole("checkbox");
  await expect(boxes.first()).toBeVisible();
  for (const box of await boxes.all()) await box.check();
  await nextStep(page);
}

/** Reads this connector's Redirection URI from the Register API client step, then moves on. */
export async function readRedirectUriAndNext(page: Page): Promise<string> {
  const row = page.getByRole("row", { name: /Redirection URI/ });
  const uri = /https?:\/\/\S+\/api\/oauth\/connect\/[0-9a-f-]{36}/.exec((await row.textContent()) ?? "")?.[0];
  expect(uri, "the Redirection URI is shown").toBeTruthy();
  await nextStep(page);
  return uri ?? "";
}

/**
 * Runs Workday's "Register API Client" task in the simulator's own pages, as an admin would, and
 * returns the done page's block of five values (label/value rows) as selected text.
 */
export async function registerClientInWorkday(context: BrowserContext, tenant: string, redirectUri: string): Promise<string> {
  const wd = await context.newPage();
  await wd.goto(`${E2E.simUrl}/_sim/`);
  await wd.getByRole("link", { name: tenant, exact: true }).click();
  await wd.getByRole("link", { name: "Register API Client" }).click();
  await wd.getByLabel("Client Name").fill("workday-connect");
  await wd.getByLabel("Redirection URI").fill(redirectUri);
  await wd.getByLabel("Non-Expiring Refresh Tokens").check();
  await wd.getByLabel("Staffing", { exact: true }).check();
  await wd.getByLabel("System", { exact: true }).check();
  await wd.getByRole("button", { name: "OK" }).click();
  await expect(wd.getByText("You have successfully registered")).toBeVisible();
  const block = await wd.locator("main table").innerText();
  await wd.close();
  return block;
}

/** Pastes Workday's block into the details step, optionally ticks SAML SSO, and saves. */
export async function enterDetails(page: Page, block: string, o: { samlSso?: boolean; clientSecret?: string } = {}) {
  await page.getByLabel("Paste from Workday").fill(block);
  await page.getByRole("button", { name: "Fill fields" }).click();
  await expect(page.getByLabel("Client ID")).not.toHaveValue("");
  if (o.clientSecret !== undefined) await page.getByLabel("Client Secret").fill(o.clientSecret);
  if (o.samlSso) await page.getByLabel("This tenant signs in with SAML SSO").check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/step=connect/);
}

/** Clicks Connect Workday and returns the Workday pop-up. */
export async function openConsentPopup(page: Page): Promise<Page> {
  const popupPromise = page.waitForEvent("popup");
  await page.getByRole("button", { name: /Connect Workday|Try again/ }).click();
  const popup = await popupPromise;
  await popup.waitForURL((url) => url.protocol !== "about:");
  return popup;
}

/** Signs in on Workday's page and answers the consent page. */
export async function signInAndDecide(wd: Page, decision: "Allow" | "Deny", account = ISU) {
  await wd.getByLabel("Username").fill(account.username);
  await wd.getByLabel("Password").fill(account.password);
  await wd.getByRole("button", { name: "Sign In" }).click();
  await wd.getByRole("button", { name: decision, exact: true }).click();
}

/** The whole wizard up to the Connect step for a fresh client in `tenant`. */
export async function wizardToConnect(
  page: Page,
  context: BrowserContext,
  name: string,
  tenant: string,
  o: { samlSso?: boolean; clientSecret?: string; registerRedirectUri?: string } = {},
) {
  const id = await startWizard(page, name);
  await tickAllAndNext(page);
  await tickAllAndNext(page);
  const redirectUri = await readRedirectUriAndNext(page);
  const block = await registerClientInWorkday(context, tenant, o.registerRedirectUri ?? redirectUri);
  await enterDetails(page, block, o);
  return { id, redirectUri, block };
}

export const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * The accounts the journeys sign in with. The BFF in e2e starts with ADMIN_EMAIL/ADMIN_PASSWORD set
 * to E2E_ADMIN; the support account is added through the Users page (`ensureSupportUser`).
 */
export const E2E_ADMIN = E2E.admin;
export const E2E_SUPPORT = E2E.support;

/** Fills the sign-in page (opening it first unless the gate already showed it) and waits to leave it. */
export async function signIn(page: Page, email: string, password: string) {
  if (new URL(page.url(), E2E.bffUrl).pathname !== "/sign-in") await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to workday-connect" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** The top bar's Sign out; lands on the sign-in page. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to workday-connect" })).toBeVisible();
}

/** As a signed-in admin on `page`: adds E2E_SUPPORT on the Users page unless it is listed already. */
export async function ensureSupportUser(page: Page) {
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  if ((await page.getByRole("cell", { name: E2E_SUPPORT.email, exact: true }).count()) > 0) return;
  const form = page.getByRole("region", { name: "Add user" });
  await form.getByLabel("Name", { exact: true }).fill("Sam Support");
  await form.getByLabel("Email", { exact: true }).fill(E2E_SUPPORT.email);
  await form.getByLabel("Role", { exact: true }).selectOption({ label: "Support (read-only)" });
  await form.getByLabel("Password", { exact: true }).fill(E2E_SUPPORT.password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText(`Added Sam Support (${E2E_SUPPORT.email}) as Support (read-only).`)).toBeVisible();
}
