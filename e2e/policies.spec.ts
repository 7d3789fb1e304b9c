import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { E2E } from "../playwright.config";
// What the template fills in: the package's list, not a copy of it.
import { SECURITY_TASKS } from "../packages/workday/src/policy/policy-templates";
import { E2E_SUPPORT, ensureSupportUser, openConsentPopup, signIn, signInAndDecide, sim, unique, wizardToConnect } from "./support";

const shot = (name: string) => ({ path: path.resolve("docs/screenshots", `${name}.png`), fullPage: true });

/** The rows the simulator's `security-change` scenario logs for `admin`, one minute apart, in order. */
const SCENARIO_TASKS = ["Maintain Permissions for Security Group", "Activate Pending Security Policy Changes", "Edit Tenant Setup - Security"];
const MINUTE = 60_000;

/** "2026-11-21T10:00" for a datetime-local input (the console reads it as UTC). */
const utcInput = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/** Everything the browser keeps or the BFF logged: nothing secret may be in it. */
async function seenByBrowserAndLogs(page: Page, context: BrowserContext) {
  return [
    await page.content(),
    await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })),
    JSON.stringify(await context.cookies()),
    readFileSync(E2E.bffLogFile, "utf8"),
  ].join("\n");
}

/** The Alerts page's "Open (n)" over every policy. */
async function openCount(page: Page): Promise<number> {
  await page.goto("/alerts");
  const open = page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: /^Open \(\d+\)$/ });
  return Number(/\((\d+)\)/.exec((await open.textContent()) ?? "")?.[1]);
}

// One story: each step needs the connector, policy and alert the one before it made.
test.describe.configure({ mode: "serial" });

test.describe("activity policies", () => {
  // A tenant of its own: its activity holds only what this journey injects, and no other journey's connectors read it.
  // The README's screenshots come from a console of their own (pnpm screenshots): names a reader would give.
  const shots = Boolean(process.env.SCREENSHOTS);
  const tenant = shots ? "globex" : `policies_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const connectorName = shots ? "Globex production" : unique("Policies");
  const policyName = shots ? "Security configuration changed" : unique("Security configuration changed");
  let connectorId = "";
  let clientSecret = "";
  let policyUrl = "";
  let alertUrl = "";
  /** The first scenario row's time (a whole minute, in the past). */
  let firstRowMs = 0;

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext({ baseURL: E2E.bffUrl, storageState: E2E.adminState });
    try {
      await sim(context.request, "POST", "/tenants", { name: tenant, kind: "production", prepared: true });
      const page = await context.newPage();
      const { id, block } = await wizardToConnect(page, context, connectorName, tenant);
      connectorId = id;
      clientSecret = /Client Secret\s+(\S+)/.exec(block)?.[1] ?? "";
      expect(clientSecret.length).toBeGreaterThan(10);
      const wd = await openConsentPopup(page);
      await signInAndDecide(wd, "Allow");
      await expect(page.getByRole("heading", { name: "Workday was successfully connected" })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test("when an admin starts a policy from the Security configuration changed template, then the form is filled, the test gives its figures and saving opens the policy", async ({
    page,
  }) => {
    await page.goto("/policies");
    await expect(page.getByRole("heading", { name: "Policies", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "New policy" }).click();
    await expect(page.getByRole("heading", { name: "New policy", level: 1 })).toBeVisible();

    await page.getByRole("region", { name: "Security configuration changed" }).getByRole("button", { name: "Use this template" }).click();
    await expect(page.getByText("Filled in from the template “Security configuration changed”.", { exact: false })).toBeVisible();
    const form = page.getByRole("form", { name: "New policy" });
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Security configuration changed");
    await expect(form.getByLabel("Name", { exact: true })).toBeFocused();
    await expect(form.getByRole("group", { name: "Severity" }).getByRole("radio", { name: "High" })).toBeChecked();
    const condition = form.getByRole("group", { name: "Condition 1" });
    await expect(condition.getByLabel("Values")).toHaveValue(SECURITY_TASKS.join("\n"));
    for (const task of SCENARIO_TASKS) expect(SECURITY_TASKS).toContain(task);

    // Its own name (the run's store is shared) and only this journey's connector.
    await form.getByLabel("Name", { exact: true }).fill(policyName);
    await form.getByRole("radio", { name: "Chosen connectors" }).check();
    await form.getByRole("checkbox", { name: connectorName }).check();

    await form.getByRole("button", { name: "Test against the last 7 days" }).click();
    const backtest = page.getByRole("region", { name: "Test against the last 7 days" });
    // The tenant's ordinary activity holds no security task: nothing matches yet, but rows were read.
    await expect(backtest.getByRole("status")).toHaveText(/^Would have raised 0 alerts from 0 matching rows in the last 7 days \([\d,]+ rows? read\)\.$/);

    if (process.env.SCREENSHOTS) await page.screenshot(shot("19-policy-form"));
    await form.getByRole("button", { name: "Add policy" }).click();
    await expect(page).toHaveURL(/\/policies\/pol_[\w-]+$/);
    await expect(page.getByRole("heading", { name: policyName, level: 1 })).toBeVisible();
    await expect(page.getByText(`Added the policy ${policyName}.`)).toBeFocused();
    policyUrl = new URL(page.url()).pathname;
  });

  test("when Workday logs a security change after the policy exists and the window is re-synced, then Alerts shows one open alert for admin", async ({
    page,
    request,
  }) => {
    expect(policyUrl, "the policy was saved").not.toBe("");
    // Twenty minutes back, on a whole minute, inside the consent's backfill window (which has usually passed it by
    // now): a re-sync of the window stores it either way, after the policy was saved. No waiting for the lagged poll.
    firstRowMs = Math.floor(Date.now() / MINUTE) * MINUTE - 20 * MINUTE;
    const injected = await sim<{ account: string; rows: number; from: string; to: string }>(request, "POST", `/tenants/${tenant}/activity/scenarios`, {
      scenario: "security-change",
      at: new Date(firstRowMs).toISOString(),
    });
    expect(injected).toMatchObject({ account: "admin", rows: 3, from: new Date(firstRowMs).toISOString() });

    await page.goto(`/connectors/${connectorId}`);
    const activity = page.getByRole("region", { name: "User activity" });
    const resync = activity.getByRole("form", { name: "Re-sync a window" });
    await resync.getByLabel("From (UTC)").fill(utcInput(firstRowMs - 5 * MINUTE));
    await resync.getByLabel("To (UTC)").fill(utcInput(firstRowMs + 5 * MINUTE));
    await resync.getByRole("button", { name: "Re-sync" }).click();
    await expect(resync.getByRole("status")).toHaveText(/^Re-sync of .+ started\.$/);

    await page.goto("/alerts");
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    const filters = page.getByRole("search", { name: "Alert filters" });
    await filters.getByLabel("Policy").selectOption({ label: policyName });
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]policyId=pol_/);

    const table = page.getByRole("table", { name: "Alerts, newest first" });
    const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
    // The re-sync runs in the background: the list is read again until it has the alert.
    await expect(async () => {
      await page.reload();
      await expect(rows).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 20_000, intervals: [500, 1000] });
    const row = rows.first();
    // First and last row: the scenario's first and third minute (the date is written in the reader's locale).
    const clock = (ms: number) => new RegExp(`${new Date(ms).toISOString().slice(11, 19)} UTC$`);
    await expect(row.getByRole("cell")).toHaveText([
      "High",
      policyName,
      `${connectorName} (${tenant})`,
      "admin",
      "3",
      clock(firstRowMs),
      clock(firstRowMs + 2 * MINUTE),
      "Open",
    ]);
    await expect(page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Open (1)" })).toBeVisible();

    // The policy's test now finds what the sync raised, and its list counts the open alert.
    await page.goto(policyUrl);
    await page
      .getByRole("form", { name: `Edit ${policyName}` })
      .getByRole("button", { name: "Test against the last 7 days" })
      .click();
    await expect(page.getByRole("region", { name: "Test against the last 7 days" }).getByRole("status")).toHaveText(
      /^Would have raised 1 alert from 3 matching rows in the last 7 days \([\d,]+ rows read\)\.$/,
    );
    await page.getByRole("link", { name: "Back to Policies" }).click();
    const policyRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: policyName, exact: true }) });
    await policyRow.getByRole("link", { name: `1 open alert of ${policyName}` }).click();
    await expect(page).toHaveURL(/\/alerts\?policyId=pol_[\w-]+&status=open$/);
    await expect(rows).toHaveCount(1);
    await rows.first().getByRole("link", { name: policyName }).click();
    await expect(page).toHaveURL(/\/alerts\/al_[\w-]+$/);
    alertUrl = new URL(page.url()).pathname;
  });

  test("when the admin opens the alert, then it lists the three rows and Open in Activity shows them for admin and their time", async ({ page }) => {
    expect(alertUrl, "the alert was raised").not.toBe("");
    await page.goto(alertUrl);
    await expect(page.getByRole("heading", { name: `Alert: ${policyName}`, level: 1 })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: /^Open$/ })).toBeVisible();

    const matching = page.getByRole("table", { name: "Matching rows, oldest first" });
    const matchingRows = matching.getByRole("row").filter({ has: page.getByRole("cell") });
    await expect(matchingRows).toHaveCount(3);
    if (process.env.SCREENSHOTS) await page.screenshot(shot("20-alert"));
    for (const [i, task] of SCENARIO_TASKS.entries()) {
      await expect(matchingRows.nth(i).getByRole("cell").nth(1)).toHaveText("admin");
      await expect(matchingRows.nth(i).getByRole("cell").nth(2)).toHaveText(task);
      await expect(matchingRows.nth(i).getByRole("cell").nth(3)).toHaveText("WRITE");
    }

    await page.getByRole("link", { name: "Open in Activity" }).click();
    await expect(page).toHaveURL(/\/activity\?/);
    await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
    const query = new URL(page.url()).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      connectorId,
      account: "admin",
      from: new Date(firstRowMs).toISOString(),
      // Exclusive, and whole seconds: the second after the last row's.
      to: new Date(firstRowMs + 2 * MINUTE + 1000).toISOString(),
    });
    const filters = page.getByRole("search", { name: "Activity filters" });
    await expect(filters.getByLabel("Account")).toHaveValue("admin");
    await expect(filters.getByLabel("From (UTC)")).toHaveValue(utcInput(firstRowMs));
    await expect(filters.getByLabel("Connector")).toHaveValue(connectorId);

    const table = page.getByRole("table", { name: "User activity, newest first" });
    const headers = await table.getByRole("columnheader").allTextContents();
    const taskCells = table.locator(`tbody tr td:nth-child(${headers.indexOf("Task") + 1})`);
    // Newest first.
    await expect(taskCells).toHaveText([...SCENARIO_TASKS].reverse());
  });

  test("when the admin resolves the alert, then a note is required, the alert says who resolved it and why, Open counts one fewer and the audit log has it", async ({
    page,
    context,
  }) => {
    expect(alertUrl, "the alert was raised").not.toBe("");
    const openBefore = await openCount(page);
    expect(openBefore).toBeGreaterThanOrEqual(1);

    await page.goto(alertUrl);
    const actions = page.getByRole("region", { name: "Actions" });
    await actions.getByRole("button", { name: "Resolve" }).click();
    await expect(actions.getByRole("alert")).toHaveText("Say why in a note: it goes into the audit log.");
    await expect(actions.getByLabel("Note")).toBeFocused();
    await expect(page.getByRole("definition").filter({ hasText: /^Open$/ })).toBeVisible();

    const note = `Planned change ${unique("CHG")}: security group review.`;
    await actions.getByLabel("Note").fill(note);
    await actions.getByRole("button", { name: "Resolve" }).click();
    await expect(actions.getByRole("status")).toHaveText("Resolved the alert.");
    await expect(actions.getByRole("button", { name: "Reopen" })).toBeVisible();
    await expect(actions.getByRole("button", { name: "Resolve" })).toHaveCount(0);
    const fact = (term: string) =>
      page
        .locator(".dl-row")
        .filter({ has: page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }) })
        .getByRole("definition");
    await expect(fact("Status")).toHaveText("Resolved");
    await expect(fact("Note")).toHaveText(note);
    // The console user's name (the bootstrap admin is "admin"), then when.
    await expect(fact("Resolved by")).toHaveText(/^admin at .+/);

    expect(await openCount(page)).toBe(openBefore - 1);
    await page.getByRole("search", { name: "Alert filters" }).getByLabel("Policy").selectOption({ label: policyName });
    await page.getByRole("search", { name: "Alert filters" }).getByRole("button", { name: "Apply filters" }).click();
    const counts = page.getByRole("navigation", { name: "Filter by status" });
    await expect(counts.getByRole("link", { name: "Open (0)" })).toBeVisible();
    await expect(counts.getByRole("link", { name: "Resolved (1)" })).toBeVisible();

    await page.goto("/audit");
    const entry = page
      .getByRole("table", { name: "Audit log entries, newest first" })
      .getByRole("row")
      .filter({ hasText: `${policyName}: admin` });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("Alert resolved");
    await expect(entry).toContainText(note);

    // Neither the connector's client secret nor a password shows up on the way.
    await page.goto(alertUrl);
    await expect(fact("Note")).toHaveText(note);
    const seen = await seenByBrowserAndLogs(page, context);
    expect(seen.includes(note), "the scan reads the rendered page").toBe(true);
    expect(seen.includes(clientSecret), "the client secret leaked").toBe(false);
    expect(seen.includes(E2E.admin.password), "the admin's password leaked").toBe(false);
  });

  test("when support staff open the alert and the policy, then they read both but find no Resolve and no New policy", async ({ page, browser }) => {
    expect(alertUrl, "the alert was raised").not.toBe("");
    await ensureSupportUser(page);
    // Contexts made here inherit the project's storage state (the admin's session): start from none.
    const context = await browser.newContext({ baseURL: E2E.bffUrl, storageState: { cookies: [], origins: [] } });
    try {
      const support = await context.newPage();
      await signIn(support, E2E_SUPPORT.email, E2E_SUPPORT.password);
      await support.goto("/alerts");
      await support.getByRole("search", { name: "Alert filters" }).getByLabel("Policy").selectOption({ label: policyName });
      await support.getByRole("search", { name: "Alert filters" }).getByRole("button", { name: "Apply filters" }).click();
      const row = support.getByRole("table", { name: "Alerts, newest first" }).getByRole("row").filter({ hasText: policyName });
      await expect(row).toContainText("Resolved");
      await row.getByRole("link", { name: policyName }).click();
      await expect(support.getByRole("heading", { name: `Alert: ${policyName}`, level: 1 })).toBeVisible();
      await expect(
        support
          .getByRole("table", { name: "Matching rows, oldest first" })
          .getByRole("row")
          .filter({ has: support.getByRole("cell") }),
      ).toHaveCount(3);
      for (const name of ["Resolve", "Dismiss", "Reopen"]) await expect(support.getByRole("button", { name, exact: true }), name).toHaveCount(0);
      await expect(support.getByLabel("Note")).toHaveCount(0);

      await support.getByRole("link", { name: policyName }).click();
      await expect(support).toHaveURL(new RegExp(`${policyUrl}$`));
      await expect(support.getByRole("heading", { name: policyName, level: 1 })).toBeVisible();
      await expect(support.getByRole("definition").filter({ hasText: /^High$/ })).toBeVisible();
      await expect(support.getByRole("definition").filter({ hasText: new RegExp(`^${connectorName}$`) })).toBeVisible();
      for (const name of ["Save changes", "Delete policy", "Test against the last 7 days"]) {
        await expect(support.getByRole("button", { name, exact: true }), name).toHaveCount(0);
      }

      await support.getByRole("link", { name: "Back to Policies" }).click();
      await expect(support.getByRole("link", { name: policyName })).toBeVisible();
      await expect(support.getByRole("link", { name: "New policy" })).toHaveCount(0);
      await expect(support.getByText("Only admins can add or change policies.")).toBeVisible();
      await support.goto("/policies/new");
      await expect(support.getByText("Only admins can add or change policies.")).toBeVisible();
      await expect(support.getByRole("button", { name: "Use this template" })).toHaveCount(0);

      const seen = await seenByBrowserAndLogs(support, context);
      expect(seen.includes(clientSecret), "the client secret leaked").toBe(false);
      expect(seen.includes(E2E_SUPPORT.password), "the support user's password leaked").toBe(false);
    } finally {
      await context.close();
    }
  });

  test("when the admin nests a group inside a group, then the console tests and saves it, and the form reads it back the same", async ({ page }) => {
    expect(policyUrl, "the policy was saved").not.toBe("");
    await page.goto(policyUrl);
    const form = page.getByRole("form", { name: `Edit ${policyName}` });
    await form.getByRole("button", { name: "Add group", exact: true }).click();
    // Security tasks and (the account nobody, or (a write)): the security change's three rows by admin are writes.
    const group = form.getByRole("group", { name: "Group 2", exact: true });
    const first = group.getByRole("group", { name: "Condition 2.1", exact: true });
    await first.getByLabel("Field").selectOption({ label: "Account" });
    await first.getByLabel("Values").fill("nobody");
    await group.getByRole("button", { name: "Add group to group 2", exact: true }).click();
    const inner = group.getByRole("group", { name: "Group 2.2", exact: true });
    await inner.getByLabel("Match in group 2.2").selectOption({ label: "All of these (and)" });
    await expect(inner.getByRole("button", { name: "Add group to group 2.2" })).toHaveCount(0);
    const write = inner.getByRole("group", { name: "Condition 2.2.1", exact: true });
    await write.getByLabel("Field").selectOption({ label: "Action" });
    await write.getByLabel("Values").fill("WRITE");

    await form.getByRole("button", { name: "Test against the last 7 days" }).click();
    await expect(page.getByRole("region", { name: "Test against the last 7 days" }).getByRole("status")).toHaveText(
      /^Would have raised 1 alert from 3 matching rows in the last 7 days \([\d,]+ rows read\)\.$/,
    );
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(`Saved ${policyName}. Activity stored from now on is checked against this version.`)).toBeVisible();

    await page.reload();
    const saved = page.getByRole("form", { name: `Edit ${policyName}` }).getByRole("group", { name: "Group 2.2", exact: true });
    await expect(saved.getByLabel("Match in group 2.2")).toHaveValue("all");
    await expect(saved.getByRole("group", { name: "Condition 2.2.1", exact: true }).getByLabel("Values")).toHaveValue("WRITE");
  });

  test("when another security change raises an alert, then the admin reopens the resolved one and dismisses both at once with one note, audited once", async ({
    page,
    request,
  }) => {
    expect(firstRowMs, "the first scenario was injected").toBeGreaterThan(0);
    // After the resolved alert's last row (activity before it counts as dealt with), and still in the past.
    const later = firstRowMs + 5 * MINUTE;
    await sim(request, "POST", `/tenants/${tenant}/activity/scenarios`, { scenario: "security-change", at: new Date(later).toISOString() });
    await page.goto(`/connectors/${connectorId}`);
    const resync = page.getByRole("region", { name: "User activity" }).getByRole("form", { name: "Re-sync a window" });
    await resync.getByLabel("From (UTC)").fill(utcInput(later - 5 * MINUTE));
    await resync.getByLabel("To (UTC)").fill(utcInput(later + 5 * MINUTE));
    await resync.getByRole("button", { name: "Re-sync" }).click();
    await expect(resync.getByRole("status")).toHaveText(/^Re-sync of .+ started\.$/);

    await page.goto("/alerts");
    const filters = page.getByRole("search", { name: "Alert filters" });
    await filters.getByLabel("Policy").selectOption({ label: policyName });
    await filters.getByRole("button", { name: "Apply filters" }).click();
    const counts = page.getByRole("navigation", { name: "Filter by status" });
    // The re-sync runs in the background: the list is read again until the new alert is in it. Only then
    // is the resolved one reopened: open, it would take the new rows in (they are within the hour after it).
    await expect(async () => {
      await page.reload();
      await expect(counts.getByRole("link", { name: "Open (1)" })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000, intervals: [500, 1000] });
    await counts.getByRole("link", { name: /^Resolved \(/ }).click();
    await expect(page).toHaveURL(/[?&]status=resolved/);
    await page.getByText("Reopen all 1 resolved alert").click();
    await page.getByRole("button", { name: "Reopen all 1" }).click();
    await expect(page.getByText("Reopened 1 alert.")).toBeFocused();

    await counts.getByRole("link", { name: "Open (2)" }).click();
    await expect(page).toHaveURL(/[?&]status=open/);
    const bulk = page.getByText("Resolve or dismiss all 2 open alerts");
    await bulk.click();
    const note = `Quarterly access review ${unique("CHG")}: both planned.`;
    await page.getByLabel("Note for all").fill(note);
    await page.getByRole("button", { name: "Dismiss all 2" }).click();
    await expect(page.getByText("Dismissed 2 alerts.")).toBeFocused();
    await expect(counts.getByRole("link", { name: "Open (0)" })).toBeVisible();
    await expect(counts.getByRole("link", { name: "Dismissed (2)" })).toBeVisible();
    await expect(page.getByText(/^Resolve or dismiss all/)).toHaveCount(0);

    await page.goto("/audit");
    const entry = page.getByRole("table", { name: "Audit log entries, newest first" }).getByRole("row").filter({ hasText: note });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("Alerts dismissed together");
    await expect(entry).toContainText("2 open alerts");
  });
});
