import { routes, type ActivityListResponse } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ACTIVITY_ROWS, activityPage, connected, makeActivityRow, toSummary } from "../../testing/fixtures";
import { api, recorder } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const table = () => screen.getByRole("table", { name: "User activity, newest first" });
const filters = () => screen.getByRole("search", { name: "Activity filters" });
const headers = () =>
  within(table())
    .getAllByRole("columnheader")
    .map((h) => h.textContent);
const cellsOf = (index: number) =>
  within(within(table()).getAllByRole("row")[index + 1] ?? table())
    .getAllByRole("cell")
    .map((c) => c.textContent);

/** The query the page sent with its last list request, as key/value pairs. */
function lastQuery(calls: { url: string }[]) {
  const url = calls.at(-1)?.url;
  if (url === undefined) throw new Error("no list request was sent");
  return Object.fromEntries(new URL(url).searchParams);
}

async function openConnectorActivity(search = "", answer: ActivityListResponse | ((url: URL) => ActivityListResponse) = activityPage()) {
  const { calls, record } = recorder();
  server.use(api.connector(connected()), api.connectorActivity("c1", answer, record));
  const view = renderApp(`/connectors/c1/activity${search}`);
  await screen.findByRole("heading", { name: "Activity: Acme sandbox" });
  return { calls, ...view };
}

describe("connector activity page", () => {
  it("when it opens, then the rows show newest first with time in UTC, account, task, action, IP address, device and session", async () => {
    const { calls } = await openConnectorActivity();
    expect(headers()).toEqual(["Time (UTC)", "Account", "Task", "Action", "IP address", "Device", "Session"]);
    expect(cellsOf(0)).toEqual(["21 Nov 2026, 09:15:07 UTC", "Logan McNeil (lmcneil)", "Find Workers", "READ", "203.0.113.7", "Desktop", "sess-1"]);
    expect(cellsOf(1)).toEqual(["21 Nov 2026, 08:00:00 UTC", "svc_payroll", "Change Job", "WRITE", "—", "Phone", "sess-2"]);
    expect(screen.getByText("2 rows")).toBeDefined();
    expect(lastQuery(calls)).toEqual({});
    expect(screen.getByRole("link", { name: "Back to Acme sandbox" }).getAttribute("href")).toBe("/connectors/c1");
  });

  it("when filters are applied, then they go into the URL and into the API request, and blank ones are left out", async () => {
    const { calls, router, user } = await openConnectorActivity();
    await user.type(within(filters()).getByLabelText("Account"), "lmcneil");
    await user.selectOptions(within(filters()).getByLabelText("Action"), "WRITE");
    await user.type(within(filters()).getByLabelText("IP address"), "203.0.113.7");
    await user.click(within(filters()).getByRole("button", { name: "Apply filters" }));
    await vi.waitFor(() => expect(router.state.location.search).toBe("?account=lmcneil&action=WRITE&ipAddress=203.0.113.7"));
    expect(lastQuery(calls)).toEqual({ account: "lmcneil", action: "WRITE", ipAddress: "203.0.113.7" });
    await vi.waitFor(() => expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toContain("action=WRITE"));
    expect(within(filters()).getByLabelText("Account")).toHaveProperty("value", "lmcneil");
    expect(within(filters()).getByLabelText("Action")).toHaveProperty("value", "WRITE");
  });

  it("when the filters show, then the Account field says it takes a sign-in name or a worker's name in any case", async () => {
    await openConnectorActivity();
    const account = within(filters()).getByLabelText("Account");
    expect(account.getAttribute("aria-describedby")).not.toBeNull();
    expect(document.getElementById(account.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "A sign-in name or a worker's full name, in any case (bgarcia or Bruno Garcia).",
    );
  });

  it("when the URL has From and To, then the form shows them and the API gets them as UTC instants", async () => {
    const { calls } = await openConnectorActivity("?from=2026-11-20T00:00&to=2026-11-21T12:30&task=Find");
    expect(lastQuery(calls)).toEqual({ from: "2026-11-20T00:00:00Z", to: "2026-11-21T12:30:00Z", task: "Find" });
    expect(within(filters()).getByLabelText("From (UTC)")).toHaveProperty("value", "2026-11-20T00:00");
    expect(within(filters()).getByLabelText("To (UTC)")).toHaveProperty("value", "2026-11-21T12:30");
    expect(within(filters()).getByLabelText("Task")).toHaveProperty("value", "Find");
  });

  it("when filters are set, then Export CSV and Export NDJSON download the export route with the same filters", async () => {
    await openConnectorActivity("?from=2026-11-20T00:00&action=WRITE&sessionId=sess-2&cursor=abc&page=2");
    const csv = screen.getByRole("link", { name: "Export CSV" });
    const ndjson = screen.getByRole("link", { name: "Export NDJSON" });
    const base = routes.connectorActivityExport("c1");
    expect(csv.getAttribute("href")).toBe(`${base}?format=csv&from=2026-11-20T00%3A00%3A00Z&action=WRITE&sessionId=sess-2`);
    expect(ndjson.getAttribute("href")).toBe(`${base}?format=ndjson&from=2026-11-20T00%3A00%3A00Z&action=WRITE&sessionId=sess-2`);
    expect(csv.hasAttribute("download")).toBe(true);
    expect(ndjson.hasAttribute("download")).toBe(true);
  });

  it("when there is a next page, then Next page asks the API for the cursor (not a page number) and Previous page goes back by number", async () => {
    const answer = (url: URL) =>
      url.searchParams.has("cursor")
        ? activityPage([makeActivityRow({ id: "r3", systemAccount: "older", accountName: null })], { total: 3, page: null, pageSize: 2 })
        : activityPage(ACTIVITY_ROWS, { total: 3, page: 1, pageSize: 2, nextCursor: "cur-2" });
    const { calls, router, user } = await openConnectorActivity("?action=READ", answer);
    expect(screen.queryByRole("link", { name: "Previous page" })).toBeNull();
    await user.click(screen.getByRole("link", { name: "Next page" }));
    await screen.findByText("older");
    expect(lastQuery(calls)).toEqual({ action: "READ", cursor: "cur-2" });
    expect(router.state.location.search).toBe("?action=READ&page=2&cursor=cur-2");
    expect(screen.getByText("Page 2 of 2")).toBeDefined();
    expect(screen.queryByRole("link", { name: "Next page" })).toBeNull();
    expect(screen.getByRole("link", { name: "Previous page" }).getAttribute("href")).toBe("/connectors/c1/activity?action=READ");
  });

  it("when a cursor page does not know its number, then First page is offered", async () => {
    const answer = activityPage([makeActivityRow()], { total: 500, page: null, pageSize: 100, nextCursor: "cur-9" });
    await openConnectorActivity("?cursor=cur-8", answer);
    expect(screen.getByRole("link", { name: "First page" }).getAttribute("href")).toBe("/connectors/c1/activity");
    expect(screen.getByRole("link", { name: "Next page" }).getAttribute("href")).toBe("/connectors/c1/activity?cursor=cur-9");
  });

  it("when the API refuses a filter with 400, then its message shows by that filter and the page keeps working", async () => {
    server.use(
      api.connector(connected()),
      api.error("get", routes.connectorActivity("c1"), 400, {
        code: "validation_failed",
        message: "Some fields need fixing.",
        fields: { to: "From must be before To." },
      }),
    );
    renderApp("/connectors/c1/activity?from=2026-11-21T00:00&to=2026-11-20T00:00");
    const message = await within(await screen.findByRole("search", { name: "Activity filters" })).findByText("From must be before To.");
    expect(message.getAttribute("role")).toBe("alert");
    expect(within(filters()).getByLabelText("To (UTC)").getAttribute("aria-describedby")).toContain(message.id);
    expect(screen.getAllByRole("alert").map((a) => a.textContent)).toContain("Some fields need fixing.");
    expect(screen.queryByRole("table", { name: "User activity, newest first" })).toBeNull();
    expect(within(filters()).getByRole("button", { name: "Apply filters" })).toBeDefined();
  });

  it("when the API refuses something that is not a filter, then its message is said above the list", async () => {
    server.use(
      api.connector(connected()),
      api.error("get", routes.connectorActivity("c1"), 400, {
        code: "validation_failed",
        message: "Some fields need fixing.",
        fields: { cursor: "Cursor is not one this server issued." },
      }),
    );
    renderApp("/connectors/c1/activity?cursor=bogus");
    expect(await screen.findByText("Some fields need fixing. Cursor is not one this server issued.")).toBeDefined();
  });

  it("when no rows match the filters, then it says what to try and Clear leads back to everything", async () => {
    const { router, user } = await openConnectorActivity("?account=nobody", activityPage([]));
    expect(screen.getByText("No activity matches these filters. Try a wider date range or clear the account filter.")).toBeDefined();
    expect(screen.getByText("0 rows")).toBeDefined();
    expect(screen.queryByRole("table")).toBeNull();
    await user.click(within(filters()).getByRole("link", { name: "Clear" }));
    await vi.waitFor(() => expect(within(filters()).getByLabelText("Account")).toHaveProperty("value", ""));
    expect(router.state.location.search).toBe("");
  });
});

describe("activity across connectors", () => {
  const other = connected({ id: "c2", name: "Globex production" });

  async function openAll(search = "") {
    const { calls, record } = recorder();
    const rows = [makeActivityRow(), makeActivityRow({ id: "r9", connectorId: "c2", activityAction: "WRITE" })];
    server.use(api.connectors({ connectors: [toSummary(connected()), toSummary(other)] }), api.activity(activityPage(rows), record));
    const view = renderApp(`/activity${search}`);
    await screen.findByRole("heading", { name: "Activity", level: 1 });
    return { calls, ...view };
  }

  it("when Activity is chosen in the top bar, then every connector's rows show with a Connector column", async () => {
    server.use(api.connectors({ connectors: [] }));
    const { user } = renderApp("/connectors");
    await screen.findByRole("heading", { name: "App Connectors" });
    const { calls, record } = recorder();
    server.use(
      api.connectors({ connectors: [toSummary(connected()), toSummary(other)] }),
      api.activity(activityPage([makeActivityRow({ connectorId: "c2" })]), record),
    );
    await user.click(within(screen.getByRole("navigation", { name: "Main" })).getByRole("link", { name: "Activity" }));
    await screen.findByRole("heading", { name: "Activity", level: 1 });
    expect(headers()).toEqual(["Time (UTC)", "Connector", "Account", "Task", "Action", "IP address", "Device", "Session"]);
    const connectorCell = within(table()).getByRole("link", { name: "Globex production" });
    expect(connectorCell.getAttribute("href")).toBe("/connectors/c2");
    expect(calls).toHaveLength(1);
  });

  it("when a connector is chosen, then connectorId goes into the URL, the API request and the export links", async () => {
    const { calls, router, user } = await openAll();
    const connector = within(filters()).getByLabelText("Connector");
    expect(
      within(connector)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Any", "Acme sandbox", "Globex production"]);
    await user.selectOptions(connector, "c2");
    await user.click(within(filters()).getByRole("button", { name: "Apply filters" }));
    await vi.waitFor(() => expect(router.state.location.search).toBe("?connectorId=c2"));
    await vi.waitFor(() =>
      expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe(`${routes.activityExport}?format=csv&connectorId=c2`),
    );
    expect(lastQuery(calls)).toEqual({ connectorId: "c2" });
  });
});
