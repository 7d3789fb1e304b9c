import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { E2E } from "../playwright.config";
// The header the BFF must write: the contract's column list, not a copy of it.
import { ACTIVITY_CSV_COLUMNS } from "../packages/contracts/src/activity";
import { openConsentPopup, signIn, signInAndDecide, sim, unique, wizardToConnect } from "./support";

const shot = (name: string) => ({ path: path.resolve("docs/screenshots", `${name}.png`), fullPage: true });

test.describe("user activity", () => {
  test.afterEach(async ({ request }) => {
    await sim(request, "PUT", "/tenants/acme/activity", { events: 2000, days: 8 });
  });

  test("when an admin connects a tenant with activity, then the backfill finishes, WRITE rows can be filtered and exported as CSV", async ({
    page,
    context,
    request,
  }) => {
    // The wizard, consent and a 7-day backfill of the simulator's seeded activity.
    test.setTimeout(180_000);
    // This console (the one with background sync on) has its own store: sign in here.
    await signIn(page, E2E.admin.email, E2E.admin.password);
    // Enough seeded activity (tens of pages) for the progress bar to be seen while it fills.
    await sim(request, "PUT", "/tenants/acme/activity", { events: 60_000, days: 8 });
    const name = unique("Activity acme");
    const { id } = await wizardToConnect(page, context, name, "acme");
    const wd = await openConsentPopup(page);
    await signInAndDecide(wd, "Allow");
    await expect(page.getByRole("heading", { name: "Workday was successfully connected" })).toBeVisible();

    // The connector page polls the sync while it runs: no reload is needed to see it finish.
    await page.goto(`/connectors/${id}`);
    const activity = page.getByRole("region", { name: "User activity" });
    await expect(activity).toBeVisible();
    const bar = activity.getByRole("progressbar", { name: "Backfill progress" });
    await expect(bar).toBeVisible();
    await expect(activity.getByText(/rows so far/)).toBeVisible();
    if (process.env.SCREENSHOTS) await page.screenshot(shot("12-backfill-progress"));
    await expect(bar).toHaveCount(0, { timeout: 120_000 });
    await expect(activity.getByText("Up to date", { exact: true })).toBeVisible({ timeout: 120_000 });

    await activity.getByRole("link", { name: "View activity" }).click();
    await expect(page).toHaveURL(new RegExp(`/connectors/${id}/activity$`));
    await expect(page.getByRole("heading", { name: `Activity: ${name}` })).toBeVisible();

    const filters = page.getByRole("search", { name: "Activity filters" });
    await filters.getByLabel("Action").selectOption("WRITE");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]action=WRITE(&|$)/);

    const table = page.getByRole("table", { name: "User activity, newest first" });
    const headers = await table.getByRole("columnheader").allTextContents();
    const actionCells = table.locator(`tbody tr td:nth-child(${headers.indexOf("Action") + 1})`);
    await expect(actionCells.first()).toHaveText("WRITE");
    const actions = await actionCells.allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(["WRITE"]));
    if (process.env.SCREENSHOTS) await page.screenshot(shot("13-activity"));

    const exportCsv = page.getByRole("link", { name: "Export CSV" });
    await expect(exportCsv).toHaveAttribute("href", /[?&]action=WRITE(&|$)/);
    const downloadPromise = page.waitForEvent("download");
    await exportCsv.click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    // A BOM (for spreadsheet programs) is allowed before the header.
    const text = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const lines = text.split(/\r?\n/).filter((line) => line !== "");
    expect(lines[0]).toBe(ACTIVITY_CSV_COLUMNS.join(","));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toContain("WRITE");
  });
});
