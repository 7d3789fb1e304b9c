import { CONSENT_MESSAGE_TYPE, routes, type Connector } from "@wc/contracts";
import { TROUBLESHOOTING } from "@wc/workday";
import { act, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { connected, makeCheck } from "../../testing/fixtures";
import { api, recorder } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const statusSection = () => screen.getByRole("region", { name: "Status" });
const checksTable = () => screen.getByRole("table", { name: "Checks" });

function rowOf(title: string) {
  const row = within(checksTable()).getByRole("rowheader", { name: title }).closest("tr");
  if (!row) throw new Error(`no row for ${title}`);
  return row;
}

const failing = connected({
  status: "action_required",
  environment: "production",
  reasonCode: "invalid_client",
  lastErrorDetail: "HTTP 401 invalid_client",
  lastCheckAt: "2026-11-22T09:00:00.000Z",
  lastSuccessAt: "2026-11-21T10:05:00.000Z",
  nextCheckAt: "2026-11-22T10:00:00.000Z",
  lastChecks: [
    makeCheck("token"),
    makeCheck("rest_api"),
    makeCheck("workers", { ok: false, reasonCode: "invalid_client", detail: "HTTP 403 S22" }),
    makeCheck("activity_logging", { ok: false, skipped: true, detail: "Not run: no access token." }),
  ],
});

describe("connector page: status and checks", () => {
  it("when checks have run, then the Checks table has a row per check with what it proves and Passed, Failed or Skipped", async () => {
    server.use(api.connector(failing));
    renderApp("/connectors/c1");
    await screen.findByRole("table", { name: "Checks" });
    expect(
      within(checksTable())
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Check", "What it proves", "Result", "Reason"]);
    expect(within(rowOf("Access token")).getByText("Passed")).toBeDefined();
    expect(within(rowOf("Access token")).getByText("Verifies the prerequisite: OAuth 2.0 Clients Enabled")).toBeDefined();
    expect(within(rowOf("Workday REST API")).getByText("Passed")).toBeDefined();
    const workers = rowOf("Workers");
    expect(within(workers).getByText("Failed")).toBeDefined();
    expect(within(workers).getByText(TROUBLESHOOTING.invalid_client.title)).toBeDefined();
    expect(within(workers).getByText("HTTP 403 S22")).toBeDefined();
    expect(within(workers).getByText(/^Verifies the prerequisite: .*Public Worker Reports/)).toBeDefined();
    const activity = rowOf("User activity logging");
    expect(within(activity).getByText("Skipped")).toBeDefined();
    expect(within(activity).getByText("Not run: no access token.")).toBeDefined();
    expect(within(activity).getByText("Verifies the prerequisite: System Auditing")).toBeDefined();
  });

  it("when checks never ran, then each row says Not run yet", async () => {
    server.use(api.connector(connected()));
    renderApp("/connectors/c1");
    await screen.findByRole("table", { name: "Checks" });
    const rows = within(checksTable()).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(within(row).getByText("Not run yet")).toBeDefined();
  });

  it("when the connector is not connected, then its troubleshooting entry, Workday's answer and the check times show", async () => {
    server.use(api.connector(failing));
    renderApp("/connectors/c1");
    await screen.findByRole("region", { name: "Status" });
    expect(within(statusSection()).getByText("Action required in Workday")).toBeDefined();
    const entry = TROUBLESHOOTING.invalid_client;
    const help = within(statusSection()).getByRole("region", { name: "Troubleshooting" });
    expect(within(help).getByRole("heading", { name: entry.title })).toBeDefined();
    expect(within(help).getByText(entry.meaning)).toBeDefined();
    for (const cause of entry.causes) expect(within(help).getByText(cause)).toBeDefined();
    for (const step of entry.steps) expect(within(help).getByText(step)).toBeDefined();
    expect(within(help).getByText("Workday's answer: HTTP 401 invalid_client")).toBeDefined();
    const times = (term: string) => within(statusSection()).getByText(term).nextElementSibling?.querySelector("time")?.getAttribute("datetime");
    expect(times("Last check")).toBe("2026-11-22T09:00:00.000Z");
    expect(times("Last successful check")).toBe("2026-11-21T10:05:00.000Z");
    expect(times("Next check")).toBe("2026-11-22T10:00:00.000Z");
  });

  it("when the status changed, then each timeline row shows the time, from → to in words, the reason title and who", async () => {
    const at = "2026-11-22T09:00:00.000Z";
    server.use(api.connector(failing, [{ at, from: "connected", to: "action_required", reasonCode: "invalid_client", actor: "health check" }]));
    renderApp("/connectors/c1");
    const timeline = await screen.findByRole("table", { name: "Status changes" });
    const cells = within(within(timeline).getAllByRole("row")[1] ?? timeline).getAllByRole("cell");
    expect(cells[0]?.querySelector("time")?.getAttribute("datetime")).toBe(at);
    expect(cells.slice(1).map((c) => c.textContent)).toEqual(["Connected → Action required in Workday", TROUBLESHOOTING.invalid_client.title, "health check"]);
  });

  it("when the connector is connected, then no troubleshooting entry shows", async () => {
    server.use(api.connector(connected({ lastErrorDetail: "HTTP 503" })));
    renderApp("/connectors/c1");
    await screen.findByRole("region", { name: "Status" });
    expect(within(statusSection()).getByText("Connected")).toBeDefined();
    expect(screen.queryByRole("region", { name: "Troubleshooting" })).toBeNull();
    expect(screen.queryByText(/Workday's answer/)).toBeNull();
  });

  it("when the user is support staff, then the page shows health and the diagnostics download but no actions", async () => {
    server.use(api.session("support"), api.connector(failing));
    renderApp("/connectors/c1");
    await screen.findByRole("table", { name: "Checks" });
    expect(screen.queryByRole("region", { name: "Actions" })).toBeNull();
    for (const name of ["Run checks now", "Reconnect", "Disconnect", "Test redirect URI", "Delete connector"]) {
      expect(screen.queryByRole("button", { name })).toBeNull();
    }
    expect(screen.queryByRole("link", { name: "Edit details" })).toBeNull();
    expect(screen.getByRole("link", { name: "Download diagnostics" }).getAttribute("href")).toBe("/api/connectors/c1/diagnostics");
  });
});

describe("connector page: sandboxes", () => {
  const refreshed = connected({ status: "relink_needed", reasonCode: "invalid_grant", connectedAt: "2026-11-21T10:00:00.000Z" });

  it("when the connector is a sandbox, then the weekly-refresh note and the last successful consent show", async () => {
    server.use(api.connector(connected()));
    renderApp("/connectors/c1");
    await screen.findByRole("region", { name: "Status" });
    const status = statusSection();
    expect(within(status).getByText("Workday refreshes sandboxes weekly, which breaks the connection; reconnect after each refresh.")).toBeDefined();
    const consent = within(status).getByText(/^Last successful consent: /);
    expect(consent.textContent).toMatch(/^Last successful consent: .+ \(.+\)$/);
    expect(consent.querySelector("time")?.getAttribute("datetime")).toBe("2026-11-21T10:00:00.000Z");
    const refresh = within(status).getByText(
      /^Next weekly refresh \(Friday 6:00 pm Pacific\): .+\. The console checks the connection within 30 minutes of it\.$/,
    );
    const due = Date.parse(refresh.querySelector("time")?.getAttribute("datetime") ?? "");
    expect(due - Date.now()).toBeGreaterThan(0);
    expect(due - Date.now()).toBeLessThanOrEqual(7 * 24 * 3_600_000);
    expect(new Date(due).toLocaleString("en-US", { timeZone: "America/Los_Angeles", weekday: "long", hour: "numeric", minute: "2-digit" })).toBe(
      "Friday 6:00 PM",
    );
  });

  it("when a sandbox needs reconnecting, then its card in the status section carries a large Reconnect that reconnects the same connector", async () => {
    const state: { connector: Connector } = { connector: refreshed };
    const popup = { closed: false, location: { href: "" }, close: vi.fn() };
    vi.spyOn(window, "open").mockReturnValue(popup as unknown as Window);
    const { calls, record } = recorder();
    server.use(
      http.get(routes.connector("c1"), () => HttpResponse.json({ connector: state.connector, timeline: [] })),
      api.consent("https://impl.workday.com/acme_impl/authorize?client_id=client-123", record),
    );
    const { user } = renderApp("/connectors/c1");
    await screen.findByRole("region", { name: "Status" });
    expect(within(statusSection()).getByText("Reconnect needed")).toBeDefined();
    const cardButton = within(statusSection()).getByRole("button", { name: "Reconnect" });
    expect(cardButton.className).toContain("button-large");
    await user.click(cardButton);
    await vi.waitFor(() => expect(popup.location.href).toMatch(/authorize/));
    expect(calls[0]?.url).toContain(routes.connectorConsent("c1"));
    state.connector = connected({ lastConsent: { outcome: "success", reasonCode: null, detail: null, at: "2026-11-28T10:00:00.000Z" } });
    act(() => {
      window.dispatchEvent(new MessageEvent("message", { data: { type: CONSENT_MESSAGE_TYPE, connectorId: "c1" }, origin: window.location.origin }));
    });
    expect(await within(statusSection()).findByText("Connected")).toBeDefined();
  });

  it("when a production connector needs reconnecting, then its card's Reconnect is the ordinary size and the header offers Reconnect too", async () => {
    server.use(api.connector({ ...refreshed, environment: "production" }));
    renderApp("/connectors/c1");
    await screen.findByRole("region", { name: "Status" });
    expect(within(statusSection()).getByRole("button", { name: "Reconnect" }).className).not.toContain("button-large");
    const header = screen.getByRole("heading", { level: 1 }).closest("header") as HTMLElement;
    expect(within(header).getByRole("button", { name: "Reconnect" })).toBeDefined();
  });

  it("when two checks failed for two missing permissions, then both cards show, each with Run checks now", async () => {
    const failed = (id: "workers" | "activity_logging", reasonCode: string) => ({
      id,
      ok: false,
      skipped: false,
      reasonCode,
      detail: '403 {"error":"permission denied"}',
      at: "2026-11-28T10:00:00.000Z",
      durationMs: 12,
    });
    server.use(
      api.connector(
        connected({
          status: "action_required",
          reasonCode: "permission_worker_data",
          lastChecks: [failed("workers", "permission_worker_data"), failed("activity_logging", "permission_system_auditing")],
        }),
      ),
    );
    renderApp("/connectors/c1");
    await screen.findByRole("region", { name: "Status" });
    const cards = within(statusSection()).getAllByRole("region", { name: "Troubleshooting" });
    expect(cards.map((c) => within(c).getByRole("heading").textContent)).toEqual([
      "Missing permission: Worker Data: Public Worker Reports",
      "Missing permission: System Auditing",
    ]);
    for (const card of cards) expect(within(card).getByRole("button", { name: "Run checks now" })).toBeDefined();
  });
});
