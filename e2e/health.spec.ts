import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { openConsentPopup, signInAndDecide, sim, unique, wizardToConnect } from "./support";

/** A connector connected through the wizard; the Done step's live checks have passed. */
async function connectedConnector(page: Page, context: BrowserContext, tenant: string) {
  const name = unique(`Health ${tenant}`);
  const { id } = await wizardToConnect(page, context, name, tenant);
  const wd = await openConsentPopup(page);
  await signInAndDecide(wd, "Allow");
  await expect(page.getByRole("heading", { name: "Workday was successfully connected" })).toBeVisible();
  await page.goto(`/connectors/${id}`);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return id;
}

/** The sticky header's Run checks now; its result is said beside it. */
async function runChecksNow(page: Page) {
  const button = page.locator(".connector-header").getByRole("button", { name: "Run checks now" });
  await button.click();
  await expect(button).toBeEnabled();
  await expect(page.locator(".connector-header").getByText(/^Checks finished: \d of 4 passed/)).toBeVisible();
}

const statusArea = (page: Page) => page.locator("main");

test.describe("connector health", () => {
  test("when a permission is removed in Workday, then Action required names it; when fixed, then Connected", async ({ page, context, request }) => {
    await connectedConnector(page, context, "acme");
    await sim(request, "PUT", "/tenants/acme/permissions/system_auditing", { granted: false });
    await sim(request, "POST", "/tenants/acme/permissions/activate", {});
    try {
      await runChecksNow(page);
      await expect(statusArea(page).getByText("Action required in Workday").first()).toBeVisible();
      await expect(
        statusArea(page)
          .getByText(/System Auditing/)
          .first(),
      ).toBeVisible();
      await expect(
        statusArea(page)
          .getByText(/Activate Pending Security Policy Changes/)
          .first(),
      ).toBeVisible();
    } finally {
      await sim(request, "PUT", "/tenants/acme/permissions/system_auditing", { granted: true });
      await sim(request, "POST", "/tenants/acme/permissions/activate", {});
    }
    await runChecksNow(page);
    await expect(statusArea(page).getByText("Connected", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Status changes" })).toContainText("Action required in Workday");
  });

  test("when a sandbox is refreshed, then Reconnect needed; one click on Reconnect ends Connected on the same connector", async ({
    page,
    context,
    request,
  }) => {
    const id = await connectedConnector(page, context, "acme_sandbox");
    await expect(page.getByText(/refreshes sandboxes weekly/)).toBeVisible();
    await sim(request, "POST", "/tenants/acme_sandbox/sandbox-refresh", { mode: "tokens" });
    await runChecksNow(page);
    await expect(statusArea(page).getByText("Reconnect needed").first()).toBeVisible();
    const popupPromise = page.waitForEvent("popup");
    await page.getByRole("button", { name: "Reconnect" }).first().click();
    const wd = await popupPromise;
    await signInAndDecide(wd, "Allow");
    await expect(page).toHaveURL(new RegExp(`/connectors/${id}`));
    await expect(statusArea(page).getByText("Connected", { exact: true }).first()).toBeVisible({ timeout: 15_000 });
  });

  test("when Workday answers 5xx several times, then Degraded, and Connected again after a success without losing the token", async ({
    page,
    context,
    request,
  }) => {
    await connectedConnector(page, context, "acme");
    await sim(request, "POST", "/faults", { route: "workers", kind: "status", status: 503, count: 3 });
    for (let i = 0; i < 3; i++) await runChecksNow(page);
    await expect(statusArea(page).getByText("Degraded").first()).toBeVisible();
    await runChecksNow(page);
    await expect(statusArea(page).getByText("Connected", { exact: true }).first()).toBeVisible();
  });
});
