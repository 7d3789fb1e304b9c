import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import {
  enterDetails,
  openConsentPopup,
  readRedirectUriAndNext,
  registerClientInWorkday,
  signInAndDecide,
  sim,
  startWizard,
  tickAllAndNext,
  unique,
} from "./support";

// axe-core's rules for WCAG 2.0/2.1 A and AA and 2.2 AA; the journeys fail on what axe rates serious or critical.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const FAILING_IMPACTS = new Set(["serious", "critical"]);
const WIDTHS = [1280, 390] as const;
/** Below this width the layout is the phone layout, where nothing may be wider than the screen. */
const PHONE = 390;

/**
 * Runs axe on the page as it is now and, on a phone, checks that the page is not wider than the
 * viewport. Soft assertions: one run lists every page state that fails, not only the first.
 */
async function checkState(page: Page, state: string, width: number) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // A page axe could not read (still loading, blank) would pass with no violations: it must have checked something.
  expect(result.passes.length, `axe checked "${state}"`).toBeGreaterThan(0);
  const serious = result.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ""));
  const report = serious.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? "?"}) at ${n.target.join(" ")}: ${v.help} ${v.helpUrl}`));
  expect.soft(report, `axe at ${width} px on "${state}"`).toEqual([]);
  if (width > PHONE) return;
  // The elements reaching past the right edge are named in the message: that is where to look.
  const size = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    wider: [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).replace(/ /g, ".")}` : ""}`),
  }));
  expect.soft(size.scroll, `no page wider than the viewport: "${state}" at ${width} px (${size.wider.join(", ")})`).toBeLessThanOrEqual(size.viewport);
}

/** Opens a page and waits for its main heading before checking it. */
async function visit(page: Page, url: string, heading: string | RegExp, state: string, width: number) {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await checkState(page, state, width);
}

/** Sign-in and the setup page, in a browser that is not signed in. */
async function signedOutPages(browser: Browser, width: number) {
  const context = await browser.newContext({ baseURL: E2E.bffUrl, viewport: { width, height: 800 } });
  const page = await context.newPage();
  await visit(page, "/sign-in", "Sign in to workday-connect", "sign-in", width);
  await page.goto("/setup");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkState(page, "setup link page", width);
  await context.close();
}

/** Every wizard step from Name to Done, each checked; returns the now connected connector's id. */
async function wizardSteps(page: Page, context: BrowserContext, width: number): Promise<string> {
  await page.goto("/connectors");
  await page.getByRole("button", { name: "Connect an app" }).click();
  await checkState(page, "connect-an-app chooser open", width);
  await page.getByRole("link", { name: "Workday", exact: true }).click();
  await expect(page.getByLabel("Name", { exact: true })).toBeVisible();
  await checkState(page, "wizard: name", width);
  await page.getByLabel("Name", { exact: true }).fill(unique(`A11y ${width}`));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/step=prerequisites/);
  const id = /\/connectors\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? "";
  await checkState(page, "wizard: prerequisites", width);
  await tickAllAndNext(page);
  await checkState(page, "wizard: tenant setup", width);
  await tickAllAndNext(page);
  await checkState(page, "wizard: register API client", width);
  const redirectUri = await readRedirectUriAndNext(page);
  await checkState(page, "wizard: details (empty)", width);
  const block = await registerClientInWorkday(context, "acme", redirectUri);
  await enterDetails(page, block);
  await checkState(page, "wizard: connect", width);
  const wd = await openConsentPopup(page);
  await signInAndDecide(wd, "Allow");
  await expect(page.getByRole("heading", { name: "Workday was successfully connected" })).toBeVisible();
  await expect(page.getByText(/Status after the checks/)).toBeVisible();
  await checkState(page, "wizard: done", width);
  return id;
}

/** The connector page connected, then with a permission removed in Workday (Action required), then restored. */
async function connectorStates(page: Page, request: Page["request"], id: string, width: number) {
  await page.goto(`/connectors/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkState(page, "connector: connected", width);
  await sim(request, "PUT", "/tenants/acme/permissions/system_auditing", { granted: false });
  await sim(request, "POST", "/tenants/acme/permissions/activate", {});
  try {
    // The sticky header's button; a failing reason's card may offer another.
    const runChecks = page.locator(".connector-header").getByRole("button", { name: "Run checks now" });
    await runChecks.click();
    await expect(page.getByText("Action required in Workday").first()).toBeVisible();
    await expect(runChecks).toBeEnabled();
    await checkState(page, "connector: action required", width);
  } finally {
    await sim(request, "PUT", "/tenants/acme/permissions/system_auditing", { granted: true });
    await sim(request, "POST", "/tenants/acme/permissions/activate", {});
  }
}

/**
 * A connector that still needs consent: its page with the menu open and a hand-off link just
 * created, then the hand-off page in a browser without a session, and that page once the link is revoked.
 */
async function handoffStates(page: Page, browser: Browser, width: number) {
  const id = await startWizard(page, unique(`A11y hand-off ${width}`));
  await page.goto(`/connectors/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "More actions" }).click();
  await expect(page.getByRole("button", { name: "Delete connector" })).toBeVisible();
  await checkState(page, "connector: needs consent, menu open", width);
  await page.getByRole("button", { name: "More actions" }).click();
  const section = page.getByRole("region", { name: "Hand-off link" });
  await section.getByRole("button", { name: "Create hand-off link" }).click();
  const url = await section.locator("code.handoff-url").innerText();
  await checkState(page, "connector: hand-off link shown once", width);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width, height: 800 } });
  const wd = await context.newPage();
  await wd.goto(url);
  await expect(wd.getByRole("heading", { level: 1, name: /^Connect Workday – / })).toBeVisible();
  await checkState(wd, "hand-off page", width);
  await section.getByRole("button", { name: "Done" }).click();
  await section.getByRole("button", { name: "Revoke" }).click();
  await expect(section.getByText("Revoked", { exact: false }).first()).toBeVisible();
  // A new tab, as the link is opened again from the message it came in: in the same tab only the
  // fragment would change, which browsers treat as staying on the page.
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByRole("heading", { name: "This hand-off link can no longer be used" })).toBeVisible();
  await checkState(again, "hand-off page: link refused", width);
  await context.close();
}

/**
 * The API tokens page: empty (in a run where no token was made yet) or listing tokens, the form
 * refusing an empty name, a token just created with its secret shown once, and the list with it.
 */
async function apiTokenStates(page: Page, width: number) {
  await page.goto("/api-tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  const empty = (await page.getByText("No API tokens yet.", { exact: false }).count()) > 0;
  await checkState(page, empty ? "api tokens: empty" : "api tokens: with tokens", width);
  const form = page.getByRole("region", { name: "Create API token" });
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByText("Give the token a name", { exact: false })).toBeVisible();
  await checkState(page, "api tokens: name missing", width);
  const name = unique(`A11y token ${width}`);
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByRole("button", { name: "Create token" }).click();
  const box = page.getByRole("region", { name: `New API token: ${name}` });
  await expect(box).toBeVisible();
  await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
  await checkState(page, "api tokens: token shown once", width);
  await box.getByRole("button", { name: "Done" }).click();
  await expect(box).toHaveCount(0);
  await checkState(page, "api tokens: with a token", width);
}

/** A channel made through the API (the notifications journey covers the forms); returns its id. */
async function emailChannel(page: Page): Promise<string> {
  const channel = { kind: "email", name: unique("A11y inbox"), recipients: ["soc@example.com"], events: ["connector.status_changed"] };
  const res = await page.request.post("/api/notifications/channels", { headers: { "x-csrf": "1" }, data: channel });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { channel: { id: string } }).channel.id;
}

for (const width of WIDTHS) {
  test.describe(`accessibility and layout at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test(`when every page state is opened at ${width} px, then axe finds nothing serious or critical${width <= PHONE ? " and no page is wider than the viewport" : " and the navigation fits one line"}`, async ({
      page,
      context,
      browser,
    }) => {
      test.setTimeout(240_000);
      await signedOutPages(browser, width);
      // The list is empty only in a run where no journey has connected anything yet; the status
      // filter's empty list stands in otherwise.
      await page.goto("/connectors");
      await expect(page.getByRole("heading", { level: 1, name: "App Connectors" })).toBeVisible();
      if (width > PHONE) {
        // Every link of an admin's navigation and who is signed in fit one line at 1280 px.
        const line = (await page.getByRole("link", { name: "App Connectors" }).boundingBox())?.height ?? 0;
        const nav = await page.getByRole("navigation", { name: "Main" }).boundingBox();
        const user = await page.getByText(/^Signed in as/).boundingBox();
        expect(line).toBeGreaterThan(0);
        expect(nav?.height ?? Infinity).toBeLessThan(line * 1.5);
        expect(user?.height ?? Infinity).toBeLessThan(line * 1.5);
      }
      const empty = (await page.getByText("No apps are connected yet.", { exact: false }).count()) > 0;
      if (!empty) await visit(page, "/connectors?status=disconnected", "App Connectors", "connectors: none with the chosen status", width);
      else await checkState(page, "connectors: empty", width);
      if (width <= PHONE) {
        await page.getByRole("button", { name: "Menu" }).click();
        await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
        await checkState(page, "navigation menu open", width);
      }
      const id = await wizardSteps(page, context, width);
      await connectorStates(page, page.request, id, width);
      await handoffStates(page, browser, width);
      await visit(page, "/connectors", "App Connectors", "connectors: with connectors", width);
      await visit(page, "/activity", "Activity", "activity", width);
      await visit(page, "/activity?account=nobody-at-all", "Activity", "activity: no match for the filters", width);
      await visit(page, "/audit", "Audit log", "audit log", width);
      await visit(page, "/users", "Users", "users", width);
      await apiTokenStates(page, width);
      await visit(page, "/account", "Account", "account", width);
      const channelId = await emailChannel(page);
      await visit(page, "/notifications", "Notifications", "notifications", width);
      await page.goto(`/notifications/${channelId}`);
      await expect(page.getByRole("heading", { level: 2, name: "Delivery log" })).toBeVisible();
      await checkState(page, "notification channel", width);
      await visit(page, "/no-such-page", /not found/i, "not found", width);
    });
  });
}
