import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { E2E } from "../playwright.config";
import { ISU, openConsentPopup, signInAndDecide, sim, unique, wizardToConnect } from "./support";

test.describe("connect wizard", () => {
  test("when an admin follows the wizard and allows in Workday, then the connector is Connected", async ({ page, context }) => {
    const name = unique("Acme production");
    const { id, block } = await wizardToConnect(page, context, name, "acme");
    const secret = /Client Secret\s+(\S+)/.exec(block)?.[1] ?? "";
    expect(secret.length).toBeGreaterThan(10);
    await expect(page.getByText(/Sign in to Workday, then select/)).toBeVisible();
    const wd = await openConsentPopup(page);
    await expect(wd.getByRole("heading", { name: "Sign In" })).toBeVisible();
    await signInAndDecide(wd, "Allow");
    await expect.poll(() => wd.isClosed(), { message: "the pop-up closes itself" }).toBe(true);
    await expect(page.getByRole("heading", { name: "Workday was successfully connected" })).toBeVisible();
    await expect(page.getByText("Connected", { exact: true }).first()).toBeVisible();
    // The Done step's checks read Workday's consent row; the account the simulator consented with shows.
    const consentedBy = page.locator(".dl-row").filter({ has: page.getByText("Consented in Workday by", { exact: true }) });
    await expect(consentedBy).toContainText(ISU.username, { timeout: 15_000 });
    await expect(page.getByText("Consent started by", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Go to connector" }).click();
    await expect(page).toHaveURL(new RegExp(`/connectors/${id}$`));
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.locator(".dl-row").filter({ has: page.getByText("Consented in Workday by", { exact: true }) })).toContainText(ISU.username);
    await page.goto("/connectors");
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("Connected");
    await expect(row).toContainText("acme");
    await expect(row).toContainText("Production");

    // The secret went in once; it must not come back out anywhere the browser or the logs can see.
    await page.goto(`/connectors/${id}`);
    const seen = [
      await page.content(),
      await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })),
      JSON.stringify(await context.cookies()),
      readFileSync(E2E.bffLogFile, "utf8"),
    ].join("\n");
    expect(seen).toContain("consent succeeded");
    expect(seen.includes(secret), "the client secret leaked").toBe(false);
    expect(seen.includes(E2E.admin.password), "the admin's password leaked").toBe(false);
  });

  test("when the tenant uses SAML SSO, then consent fails without the box and succeeds with it", async ({ page, context, request }) => {
    await sim(request, "PATCH", "/tenants/acme/settings", { samlSso: true });
    try {
      await wizardToConnect(page, context, unique("SAML tenant"), "acme");
      let wd = await openConsentPopup(page);
      await expect(wd.getByText(/single sign-on/i).first()).toBeVisible();
      await wd.close();
      await expect(page.getByText(/popup|pop-up|window was closed/i).first()).toBeVisible();
      await page.getByRole("button", { name: "Back" }).click();
      await page.getByLabel("This tenant signs in with SAML SSO").check();
      await expect(page.getByText(/redirect=n/).first()).toBeVisible();
      await page.getByRole("button", { name: "Next" }).click();
      wd = await openConsentPopup(page);
      expect(new URL(wd.url()).searchParams.get("redirect") ?? wd.url()).toBeTruthy();
      await signInAndDecide(wd, "Allow");
      await expect(page.getByRole("heading", { name: "Workday was successfully connected" })).toBeVisible();
    } finally {
      await sim(request, "PATCH", "/tenants/acme/settings", { samlSso: false });
    }
  });

  test("when the admin selects Deny, then the wizard explains it and offers Try again", async ({ page, context }) => {
    await wizardToConnect(page, context, unique("Denied"), "acme");
    const wd = await openConsentPopup(page);
    await signInAndDecide(wd, "Deny");
    await expect(page.getByText(/Access was not allowed in Workday/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  });

  test("when the client secret is wrong, then the wizard points at Client Secret", async ({ page, context }) => {
    await wizardToConnect(page, context, unique("Wrong secret"), "acme", { clientSecret: "this-is-not-the-secret" });
    const wd = await openConsentPopup(page);
    await signInAndDecide(wd, "Allow");
    await expect(page.getByRole("link", { name: "Go to Client Secret" })).toBeVisible();
    await expect(page.getByText(/invalid_client/).first()).toBeVisible();
  });

  test("when Workday has another Redirection URI registered, then Workday shows an error page and the wizard offers a retry", async ({ page, context }) => {
    await wizardToConnect(page, context, unique("Bad redirect"), "acme", { registerRedirectUri: "https://elsewhere.example.com/callback" });
    const wd = await openConsentPopup(page);
    await expect(wd.getByText(/redirect/i).first()).toBeVisible();
    expect(wd.url()).not.toContain("/api/oauth/connect/");
    await wd.close();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  });

  test("when pop-ups are blocked, then the same consent runs as a full-page redirect", async ({ page, context }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await wizardToConnect(page, context, unique("No popups"), "acme");
    await page.getByRole("button", { name: "Connect Workday" }).click();
    await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
    await signInAndDecide(page, "Allow");
    await expect(page.getByRole("heading", { name: "Workday was successfully connected" })).toBeVisible();
  });

  test("when the page is reloaded mid-wizard, then it resumes at the same step with the ticks kept", async ({ page }) => {
    const { startWizard } = await import("./support");
    await startWizard(page, unique("Resumable"));
    const first = page.locator("main").getByRole("checkbox").first();
    await first.check();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/step=tenant_setup/);
    const url = page.url().replace(/\?.*$/, "");
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 2, name: "Tenant setup" })).toBeVisible();
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.locator("main").getByRole("checkbox").first()).toBeChecked();
  });
});
