import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../playwright.config";

// A console of its own with 10,000 connectors (bulk-seeded into a fresh store before it starts),
// so the other journeys' console keeps its short list. Background work is off: nothing changes
// the list under the journey.
const COUNT = 10_000;
const BASE = E2E.scaleBffUrl;
const ADMIN = { email: "scale@example.com", password: "scale-password-1" };
const BFF_DIR = path.resolve("apps/bff");

let dataDir = "";
let bff: ChildProcess | null = null;
let log = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "wc-e2e-scale-"));
  execFileSync(process.execPath, ["--import", "tsx", "src/cli/seed-connectors.ts", path.join(dataDir, "workday-connect.db"), String(COUNT)], { cwd: BFF_DIR });
  bff = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: BFF_DIR,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      PORT: String(E2E.scaleBffPort),
      PUBLIC_URL: BASE,
      DATA_DIR: dataDir,
      WEB_DIST_DIR: path.resolve("apps/web/dist"),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: "warn",
      HEALTH_SCHEDULER_TICK_SECONDS: "0",
      ACTIVITY_SCHEDULER_TICK_SECONDS: "0",
      NOTIFY_TICK_SECONDS: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (b: Buffer) => (log = (log + b.toString()).slice(-20_000));
  bff.stdout?.on("data", keep);
  bff.stderr?.on("data", keep);
  await expect
    .poll(
      async () => {
        if (bff?.exitCode !== null) throw new Error(`the console exited:\n${log}`);
        return fetch(`${BASE}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
      },
      { timeout: 60_000 },
    )
    .toBe(true);
});

test.afterAll(async () => {
  if (bff && bff.exitCode === null) {
    const exited = new Promise((r) => bff?.once("exit", r));
    bff.kill("SIGTERM");
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// This console's own session, not the journeys' stored one.
test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page) {
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

const summary = (page: Page) => page.locator("main p.list-count");
const names = (page: Page) => page.getByRole("table", { name: "Connected apps" }).locator("tbody tr td:first-child a").allTextContents();
const statusCells = (page: Page) => page.getByRole("table", { name: "Connected apps" }).locator("tbody tr td:nth-child(4)").allTextContents();

test("when the list holds 10,000 connectors, then filtering to Reconnect needed and paging forward and back keeps the filter in the URL and shows each page again", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);

  await page.goto(`${BASE}/connectors`);
  const filters = page.getByRole("navigation", { name: "Filter by status" });
  await expect(filters.getByRole("link", { name: "All 10,000" })).toHaveAttribute("aria-current", "true");
  await expect(summary(page)).toHaveText("Page 1 of 200: connectors 1–50 of 10,000");

  await filters.getByRole("link", { name: /^Reconnect needed / }).click();
  await expect(page).toHaveURL(/[?&]status=relink_needed(&|$)/);
  await expect(summary(page)).toHaveText("Page 1 of 10: connectors 1–50 of 500");
  await expect(filters.getByRole("link", { name: "Reconnect needed 500" })).toHaveAttribute("aria-current", "true");
  const first = await names(page);
  expect(first).toHaveLength(50);
  expect(new Set(await statusCells(page))).toEqual(new Set(["Reconnect needed"]));

  const pages = [first];
  for (const n of [2, 3]) {
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(summary(page)).toHaveText(`Page ${n} of 10: connectors ${(n - 1) * 50 + 1}–${n * 50} of 500`);
    await expect(summary(page)).toBeFocused();
    const url = new URL(page.url());
    expect(url.searchParams.get("status")).toBe("relink_needed");
    expect(url.searchParams.get("page")).toBe(String(n));
    expect(url.searchParams.get("cursor")).not.toBeNull();
    const shown = await names(page);
    expect(shown).toHaveLength(50);
    expect(new Set(await statusCells(page))).toEqual(new Set(["Reconnect needed"]));
    pages.push(shown);
  }
  // By name, so no connector repeats across the pages and each page starts after the last.
  const all = pages.flat();
  expect(new Set(all).size).toBe(150);
  expect(all).toEqual([...all].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));

  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(summary(page)).toHaveText("Page 2 of 10: connectors 51–100 of 500");
  expect(await names(page)).toEqual(pages[1]);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(summary(page)).toHaveText("Page 1 of 10: connectors 1–50 of 500");
  expect(await names(page)).toEqual(pages[0]);
  expect(new URL(page.url()).search).toBe("?status=relink_needed");

  // The browser's own history and a reload land on the same filtered pages.
  await page.goBack();
  await expect(summary(page)).toHaveText("Page 2 of 10: connectors 51–100 of 500");
  expect(await names(page)).toEqual(pages[1]);
  await page.reload();
  await expect(summary(page)).toHaveText("Page 2 of 10: connectors 51–100 of 500");
  expect(await names(page)).toEqual(pages[1]);
  expect(new URL(page.url()).searchParams.get("status")).toBe("relink_needed");
});

test("when the console holds 10,000 connectors, then the Activity page across all of them answers and its Connector filter offers every one", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  // Merged from per-connector reads: one statement naming every connector was refused past 500.
  await page.goto(`${BASE}/activity`);
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  await expect(page.getByText("No activity stored yet.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Connector", { exact: true }).locator("option")).toHaveCount(COUNT + 1);
});

test("when the console holds 10,000 connectors, then a policy lists 200 to tick, the filter box finds the others, and both ticks are saved", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.goto(`${BASE}/policies/new`);
  await expect(page.getByRole("heading", { name: "New policy", level: 1 })).toBeVisible();
  await page.getByRole("region", { name: "Proxy session started" }).getByRole("button", { name: "Use this template" }).click();
  const form = page.getByRole("form", { name: "New policy" });
  await form.getByLabel("Name", { exact: true }).fill("Proxy sessions on two tenants");
  await form.getByRole("radio", { name: "Chosen connectors" }).check();
  const scope = form.getByRole("group", { name: "Connectors" });
  await expect(scope.getByText("Showing 200 of 10,000: type part of a name to find the others · 0 chosen")).toBeVisible();
  await expect(scope.getByRole("checkbox")).toHaveCount(200);
  const filter = scope.getByRole("searchbox", { name: "Filter connectors" });
  // Seeded names are "<word> <n>": connector 42 is Globex 00042, connector 9,999 Cyberdyne 09999.
  await filter.fill("globex 00042");
  await expect(scope.getByText("Showing 1 of 10,000 · 0 chosen")).toBeVisible();
  await scope.getByRole("checkbox", { name: "Globex 00042" }).check();
  await filter.fill("09999");
  await scope.getByRole("checkbox", { name: "Cyberdyne 09999" }).check();
  await expect(scope.getByText("Showing 1 of 10,000 · 2 chosen")).toBeVisible();
  await form.getByRole("button", { name: "Add policy" }).click();
  await expect(page).toHaveURL(/\/policies\/pol_[\w-]+$/);

  await page.reload();
  const saved = page.getByRole("group", { name: "Connectors" });
  // Both ticked ones are listed past the first 200, ticked, without typing their names.
  await expect(saved.getByText("Showing 202 of 10,000: type part of a name to find the others · 2 chosen")).toBeVisible();
  await expect(saved.getByRole("checkbox", { name: "Globex 00042" })).toBeChecked();
  await expect(saved.getByRole("checkbox", { name: "Cyberdyne 09999" })).toBeChecked();
});
