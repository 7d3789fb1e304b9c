import { CSRF_HEADER, routes, type SyncStatus } from "@wc/contracts";
import { TROUBLESHOOTING } from "@wc/workday";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { backfilling, connected, makeSync, upToDate } from "../../testing/fixtures";
import { api, recorder } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const section = () => screen.getByRole("region", { name: "User activity" });

async function openConnector(sync: SyncStatus | (() => SyncStatus), role: "admin" | "support" = "admin") {
  const { calls, record } = recorder();
  server.use(api.session(role), api.connector(connected()), api.sync(sync, record));
  const view = renderApp("/connectors/c1");
  // vi.waitFor runs on real timers, so it also works while a test fakes them (findBy* would wait forever).
  await vi.waitFor(() => screen.getByRole("region", { name: "User activity" }));
  return { calls, ...view };
}

/** Fakes only the timers the poll uses, so the test decides when 2 s have passed. */
const fakePollTimers = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
const pass = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** The phase in words: the section's first live region (the forms' confirmations come after it). */
const phase = () => within(section()).getAllByRole("status")[0]?.textContent;

/** The text of the definition next to `term` in the section's facts. */
const fact = (term: string) => within(section()).getByText(term).nextElementSibling?.textContent;

describe("connector page: activity sync while it runs", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("when a backfill is running, then a Backfill progress bar shows the covered fraction, the rows so far, the rate and the covered-until time", async () => {
    await openConnector(backfilling());
    const bar = within(section()).getByRole("progressbar", { name: "Backfill progress" });
    expect(Number(bar.getAttribute("value"))).toBeCloseTo(0.5);
    expect(bar.getAttribute("max")).toBe("1");
    expect(within(section()).getByText(/^Backfilling 7 days:/).textContent).toBe(
      "Backfilling 7 days: 45,210 rows so far · 1,830 rows/s · covered until 17 Nov 2026, 22:00 UTC",
    );
  });

  it("when the backfill finishes, then the status is read every 2 s until then, the bar gives way to Up to date, and polling stops", async () => {
    fakePollTimers();
    const answers = [backfilling(), backfilling({ coveredUntil: "2026-11-20T10:00:00.000Z", rows: 90_000 })];
    const { calls } = await openConnector(() => answers.shift() ?? upToDate());
    expect(calls).toHaveLength(1);
    await pass(1900);
    expect(calls).toHaveLength(1);
    await pass(100);
    await vi.waitFor(() => within(section()).getByText(/90,000 rows so far/));
    expect(calls).toHaveLength(2);
    await pass(2000);
    await vi.waitFor(() => within(section()).getByText("Up to date"));
    expect(within(section()).queryByRole("progressbar")).toBeNull();
    expect(calls).toHaveLength(3);
    await pass(10_000);
    expect(calls).toHaveLength(3);
  });

  it("when the page is left during a backfill, then the status is no longer read", async () => {
    fakePollTimers();
    server.use(api.connectors({ connectors: [] }));
    const { calls, router } = await openConnector(backfilling());
    await act(() => router.navigate("/connectors"));
    await vi.waitFor(() => screen.getByRole("heading", { name: "App Connectors" }));
    await pass(10_000);
    expect(calls).toHaveLength(1);
  });
});

describe("connector page: activity sync between runs", () => {
  it("when the sync is up to date, then it says so with the last sync, lag, row counts and accounts, and links to the activity", async () => {
    await openConnector(upToDate());
    expect(phase()).toBe("Up to date");
    expect(fact("Last sync")).toMatch(/^.+ \(.+\)$/);
    expect(within(section()).getByText("Last sync").nextElementSibling?.querySelector("time")?.getAttribute("datetime")).toBe("2026-11-21T10:30:00.000Z");
    expect(fact("Lag")).toBe("3 min");
    expect(fact("Rows in the last 24 h")).toBe("12,345");
    expect(fact("Rows stored")).toBe("98,765");
    expect(fact("Accounts")).toMatch(/^1,204 \(list refreshed .+\)$/);
    expect(fact("Covered until")).toBe("21 Nov 2026, 10:28 UTC");
    expect(within(section()).queryByRole("progressbar")).toBeNull();
    expect(within(section()).getByRole("link", { name: "View activity" }).getAttribute("href")).toBe("/connectors/c1/activity");
  });

  it("when the connector was never connected, then the section says Not syncing (connect first)", async () => {
    await openConnector(makeSync());
    expect(phase()).toBe("Not syncing (connect first)");
    expect(fact("Last sync")).toBe("Never");
  });

  it("when Workday failed for a while, then it says Retrying after a Workday error with the reason", async () => {
    const at = "2026-11-21T10:00:00.000Z";
    await openConnector(upToDate({ phase: "retrying", lastError: { reasonCode: "workday_unavailable", at, detail: "HTTP 503" } }));
    expect(phase()).toBe("Retrying after a Workday error");
    expect(within(section()).getByText(/^Reason: /).textContent).toBe(
      `Reason: ${TROUBLESHOOTING.workday_unavailable.title} (workday_unavailable). Workday said: HTTP 503`,
    );
  });

  it("when the sync is blocked on a permission, then it says Sync paused with what to do, the reason code and the troubleshooting steps", async () => {
    const at = "2026-11-21T10:00:00.000Z";
    await openConnector(upToDate({ phase: "blocked", lastError: { reasonCode: "permission_system_auditing", at, detail: null } }));
    expect(phase()).toBe("Sync paused: fix the cause in Workday as the steps below say.");
    expect(within(section()).getByText(/^Reason code:/).textContent).toBe("Reason code: permission_system_auditing");
    const help = within(section()).getByRole("region", { name: "Troubleshooting" });
    for (const step of TROUBLESHOOTING.permission_system_auditing.steps) expect(within(help).getByText(step)).toBeDefined();
  });

  it("when the refresh token is no longer accepted, then Sync paused says an admin has to reconnect", async () => {
    const at = "2026-11-21T10:00:00.000Z";
    await openConnector(upToDate({ phase: "blocked", lastError: { reasonCode: "refresh_invalid_grant", at, detail: null } }));
    expect(phase()).toBe("Sync paused: an admin has to reconnect this connector.");
  });

  it("when the sync status cannot be read, then the section says why and the rest of the connector page still shows", async () => {
    server.use(
      api.connector(connected()),
      api.error("get", routes.connectorSync("c1"), 500, { code: "internal", message: "Try again later.", requestId: "req-9" }),
    );
    renderApp("/connectors/c1");
    await screen.findByRole("region", { name: "User activity" });
    expect(within(section()).getByRole("alert").textContent).toContain("The sync status could not be read. Try again later.");
    expect(screen.getByRole("table", { name: "Checks" })).toBeDefined();
    expect(within(section()).queryByRole("heading", { name: "Sync settings" })).toBeNull();
  });
});

describe("connector page: sync settings and re-sync", () => {
  const settingsForm = () => within(section()).getByRole("form", { name: "Sync settings" });
  const resyncForm = () => within(section()).getByRole("form", { name: "Re-sync a window" });

  it("when the user is support staff, then the sync shows but the Sync settings and Re-sync forms do not", async () => {
    await openConnector(upToDate(), "support");
    expect(within(section()).getByText("Up to date")).toBeDefined();
    expect(within(section()).getByRole("link", { name: "View activity" })).toBeDefined();
    expect(within(section()).queryByRole("form")).toBeNull();
    expect(screen.queryByRole("button", { name: "Save sync settings" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Re-sync" })).toBeNull();
  });

  it("when an admin opens the page, then the settings form shows the current settings", async () => {
    await openConnector(upToDate());
    const form = settingsForm();
    expect(within(form).getByLabelText("Backfill days")).toHaveProperty("value", "7");
    expect(within(form).getByLabelText("Poll interval (minutes)")).toHaveProperty("value", "15");
    expect(within(form).getByLabelText("Lag (minutes)")).toHaveProperty("value", "2");
    expect(within(form).getByLabelText("Retention (days)")).toHaveProperty("value", "90");
    expect(within(resyncForm()).getByLabelText("From (UTC)").getAttribute("type")).toBe("datetime-local");
    expect(within(resyncForm()).getByLabelText("To (UTC)").getAttribute("type")).toBe("datetime-local");
  });

  it("when the retention is shorter than the backfill, then the contract's message shows by Retention and nothing is sent", async () => {
    const { user } = await openConnector(upToDate());
    const { calls, record } = recorder();
    server.use(http.put(routes.connectorSyncSettings("c1"), async ({ request }) => (await record(request), HttpResponse.json({ sync: upToDate() }))));
    const retention = within(settingsForm()).getByLabelText("Retention (days)");
    await user.clear(retention);
    await user.type(retention, "3");
    await user.click(within(settingsForm()).getByRole("button", { name: "Save sync settings" }));
    const message = await within(settingsForm()).findByText("Retention must be at least the backfill days, or backfilled rows would be pruned at once.");
    expect(message.getAttribute("role")).toBe("alert");
    expect(retention.getAttribute("aria-describedby")).toContain(message.id);
    expect(calls).toHaveLength(0);
  });

  it("when the BFF refuses a setting, then its message shows by that field", async () => {
    const { user } = await openConnector(upToDate());
    server.use(
      api.error("put", routes.connectorSyncSettings("c1"), 400, {
        code: "validation_failed",
        message: "Some fields need fixing.",
        fields: { lagMinutes: "Lag must be at most 60 minutes." },
      }),
    );
    await user.click(within(settingsForm()).getByRole("button", { name: "Save sync settings" }));
    const message = await within(settingsForm()).findByText("Lag must be at most 60 minutes.");
    expect(within(settingsForm()).getByLabelText("Lag (minutes)").getAttribute("aria-describedby")).toContain(message.id);
  });

  it("when an admin saves valid settings, then the PUT carries them as numbers with the CSRF header and the page says Sync settings saved.", async () => {
    const { user } = await openConnector(upToDate());
    const { calls, record } = recorder();
    server.use(http.put(routes.connectorSyncSettings("c1"), async ({ request }) => (await record(request), HttpResponse.json({ sync: upToDate() }))));
    const poll = within(settingsForm()).getByLabelText("Poll interval (minutes)");
    await user.clear(poll);
    await user.type(poll, "5");
    await user.click(within(settingsForm()).getByRole("button", { name: "Save sync settings" }));
    expect(await within(settingsForm()).findByText("Sync settings saved.")).toBeDefined();
    expect(calls[0]?.body).toEqual({ backfillDays: 7, pollIntervalMinutes: 5, lagMinutes: 2, retentionDays: 90 });
    expect(calls[0]?.headers.get(CSRF_HEADER)).toBe("1");
  });

  it("when an admin re-syncs a window, then the POST carries it as UTC instants and the new run's progress shows", async () => {
    const state = { sync: upToDate() };
    const { calls, record } = recorder();
    server.use(
      api.session("admin"),
      api.connector(connected()),
      api.sync(() => state.sync),
    );
    server.use(
      http.post(routes.connectorResync("c1"), async ({ request }) => {
        await record(request);
        state.sync = backfilling({
          kind: "resync",
          from: "2026-11-20T00:00:00.000Z",
          to: "2026-11-20T06:00:00.000Z",
          coveredUntil: "2026-11-20T03:00:00.000Z",
          rows: 10,
        });
        return HttpResponse.json({ sync: state.sync }, { status: 202 });
      }),
    );
    const { user } = renderApp("/connectors/c1");
    await screen.findByRole("region", { name: "User activity" });
    fireEvent.change(within(resyncForm()).getByLabelText("From (UTC)"), { target: { value: "2026-11-20T00:00" } });
    fireEvent.change(within(resyncForm()).getByLabelText("To (UTC)"), { target: { value: "2026-11-20T06:00" } });
    await user.click(within(resyncForm()).getByRole("button", { name: "Re-sync" }));
    expect(await within(resyncForm()).findByText("Re-sync of 20 Nov 2026, 00:00 UTC to 20 Nov 2026, 06:00 UTC started.")).toBeDefined();
    expect(calls[0]?.body).toEqual({ from: "2026-11-20T00:00:00.000Z", to: "2026-11-20T06:00:00.000Z" });
    const bar = await within(section()).findByRole("progressbar", { name: "Re-sync progress" });
    expect(Number(bar.getAttribute("value"))).toBeCloseTo(0.5);
    expect(within(section()).getByText(/^Re-syncing 6 hours: 10 rows so far/)).toBeDefined();
  });

  it("when the re-sync window is left empty, then each field says what is missing and nothing is sent", async () => {
    const { user } = await openConnector(upToDate());
    const { calls, record } = recorder();
    server.use(
      http.post(routes.connectorResync("c1"), async ({ request }) => (await record(request), HttpResponse.json({ sync: upToDate() }, { status: 202 }))),
    );
    await user.click(within(resyncForm()).getByRole("button", { name: "Re-sync" }));
    expect(await within(resyncForm()).findByText("Enter where the window starts.")).toBeDefined();
    expect(within(resyncForm()).getByText("Enter where the window ends.")).toBeDefined();
    expect(calls).toHaveLength(0);
  });
});
