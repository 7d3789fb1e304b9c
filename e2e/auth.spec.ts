import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import { E2E_ADMIN, E2E_SUPPORT, ensureSupportUser, openConsentPopup, signIn, signInAndDecide, signOut, unique, wizardToConnect } from "./support";

/** What only admins may press or follow; support staff must find none of it. */
const ADMIN_BUTTONS = ["Connect an app", "Run checks now", "Reconnect", "Disconnect", "Delete connector", "Test redirect URI", "Discard"];
const ADMIN_LINKS = ["Edit details", "Resume setup", "Users", "Audit log", "API tokens"];

async function expectNoAdminControls(page: Page) {
  for (const name of ADMIN_BUTTONS) await expect(page.getByRole("button", { name, exact: true }), name).toHaveCount(0);
  for (const name of ADMIN_LINKS) await expect(page.getByRole("link", { name, exact: true }), name).toHaveCount(0);
}

/** An admin, in a browser context of their own, connects a connector and adds the support user. */
async function adminPrepares(browser: Browser): Promise<{ id: string; name: string }> {
  const context = await browser.newContext({ baseURL: E2E.bffUrl });
  try {
    const page = await context.newPage();
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await ensureSupportUser(page);
    const name = unique("Support reads");
    const { id } = await wizardToConnect(page, context, name, "acme");
    const wd = await openConsentPopup(page);
    await signInAndDecide(wd, "Allow");
    await expect(page.getByRole("heading", { name: "Workday was successfully connected" })).toBeVisible();
    return { id, name };
  } finally {
    await context.close();
  }
}

test.describe("sign-in and roles", () => {
  test("when an admin signs in, connects Workday and signs out, then App Connectors asks for sign-in again", async ({ page, context }) => {
    await page.goto("/connectors");
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fconnectors$/);
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await expect(page).toHaveURL(/\/connectors$/);
    await expect(page.getByText(/^Signed in as/)).toContainText("Admin");

    const name = unique("Signed-in admin");
    const { id } = await wizardToConnect(page, context, name, "acme");
    const wd = await openConsentPopup(page);
    await signInAndDecide(wd, "Allow");
    await expect(page.getByRole("heading", { name: "Workday was successfully connected" })).toBeVisible();

    await signOut(page);
    await page.goto(`/connectors/${id}`);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?returnTo=%2Fconnectors%2F${id}$`));
    await expect(page.getByRole("heading", { name })).toHaveCount(0);
    const status = await page.evaluate(async () => (await fetch("/api/connectors", { headers: { Accept: "application/json" } })).status);
    expect(status, "the API refuses without a session").toBe(401);

    // Signing in again returns to the page the gate interrupted.
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await expect(page).toHaveURL(new RegExp(`/connectors/${id}$`));
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  });

  test("when support staff sign in, then they read connectors but find no admin control, and admin URLs and APIs refuse them", async ({ page, browser }) => {
    const { id, name } = await adminPrepares(browser);

    await signIn(page, E2E_SUPPORT.email, E2E_SUPPORT.password);
    await expect(page.getByText("Support (read-only)")).toBeVisible();
    await page.goto("/connectors");
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("Connected");
    await expectNoAdminControls(page);

    await row.getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`/connectors/${id}$`));
    await expect(page.getByRole("heading", { name: "Status" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Checks" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download diagnostics" })).toBeVisible();
    await expectNoAdminControls(page);

    await page.goto("/connectors/new");
    await expect(page.getByText("Only admins can change connectors.")).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveCount(0);
    await page.goto(`/connectors/${id}/setup?step=details`);
    await expect(page.getByText("Only admins can change connectors.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Next" })).toHaveCount(0);
    await page.goto("/users");
    await expect(page.getByText("Only admins can manage users.")).toBeVisible();
    await page.goto("/audit");
    await expect(page.getByText("Only admins can read the audit log.")).toBeVisible();
    await page.goto("/api-tokens");
    await expect(page.getByText("Only admins can manage API tokens.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
    await page.goto("/notifications");
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await expect(page.getByText("Only admins can add or change channels.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add webhook" })).toHaveCount(0);

    // The server enforces the role, whatever the page shows: the same calls an admin's page makes.
    const answers = await page.evaluate(async (connectorId) => {
      const headers = { Accept: "application/json", "x-csrf": "1" };
      const users = await fetch("/api/users", { headers });
      const disconnect = await fetch(`/api/connectors/${encodeURIComponent(connectorId)}/disconnect`, { method: "POST", headers });
      const channel = await fetch("/api/notifications/channels", {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ kind: "email", name: "Forced", recipients: ["x@example.com"], events: ["consent.completed"] }),
      });
      return { users: users.status, disconnect: disconnect.status, channel: channel.status };
    }, id);
    expect(answers).toEqual({ users: 403, disconnect: 403, channel: 403 });
    await page.goto(`/connectors/${id}`);
    await expect(page.getByText("Connected", { exact: true }).first()).toBeVisible();
  });
});
