import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakePoliciesApi } from "../../testing/fake-policies-api";
import { connected, toSummary } from "../../testing/fixtures";
import { makeAlertDetail, makePolicy } from "../../testing/policy-fixtures";
import { renderApp } from "../../testing/render-app";

const CONNECTORS = [toSummary(connected({ id: "c1", name: "Acme sandbox" })), toSummary(connected({ id: "c2", name: "Globex production" }))];
const POLICIES = [makePolicy(), makePolicy({ id: "p2", name: "Many worker records read", severity: "medium" })];
const ALERTS = [
  makeAlertDetail(),
  makeAlertDetail({
    id: "a2",
    policyId: "p2",
    policyName: "Many worker records read",
    severity: "medium",
    connector: { id: "c2", name: null, tenant: null },
    account: "svc_payroll",
    status: "resolved",
    rowCount: 51,
    raisedAt: "2026-11-22T08:00:00.000Z",
  }),
  makeAlertDetail({ id: "a3", status: "dismissed", raisedAt: "2026-11-20T08:00:00.000Z" }),
];

async function openAlerts(url = "/alerts") {
  const view = renderApp(url);
  await screen.findByRole("heading", { name: "Alerts", level: 1 });
  return view;
}

const rows = () =>
  within(screen.getByRole("table", { name: "Alerts, newest first" }))
    .getAllByRole("row")
    .slice(1);
const search = (router: { state: { location: { search: string } } }) => new URLSearchParams(router.state.location.search);

describe("Alerts page", () => {
  it("when alerts load, then each shows severity, policy, connector, account, rows, first and last row and status, newest first, linking to the alert", async () => {
    fakePoliciesApi({ policies: POLICIES, alerts: ALERTS, connectors: CONNECTORS });
    await openAlerts();
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Severity",
      "Policy",
      "Connector",
      "Account",
      "Rows",
      "First row (UTC)",
      "Last row (UTC)",
      "Status",
    ]);
    const cells = rows().map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    );
    expect(cells.map((c) => [c[0], c[1], c[2], c[3], c[4], c[7]])).toEqual([
      ["Medium", "Many worker records read", "Deleted connector c2", "svc_payroll", "51", "Resolved"],
      ["High", "Proxy session started", "Acme sandbox (acme_impl)", "lmcneil", "3", "Open"],
      ["High", "Proxy session started", "Acme sandbox (acme_impl)", "lmcneil", "3", "Dismissed"],
    ]);
    expect(rows()[1]?.querySelectorAll("time")[1]?.getAttribute("dateTime")).toBe("2026-11-21T09:20:00.456Z");
    expect(
      within(rows()[0] ?? document.body)
        .getByRole("link")
        .getAttribute("href"),
    ).toBe("/alerts/a2");
    const counts = screen.getByRole("navigation", { name: "Filter by status" });
    expect(
      within(counts)
        .getAllByRole("link")
        .map((l) => l.textContent),
    ).toEqual(["All (3)", "Open (1)", "Resolved (1)", "Dismissed (1)"]);
  });

  it("when filters are applied and a status chosen, then they go to the URL and the API, and a status keeps the other filters", async () => {
    const fake = fakePoliciesApi({ policies: POLICIES, alerts: ALERTS, connectors: CONNECTORS });
    const { user, router } = await openAlerts();
    const filters = screen.getByRole("search", { name: "Alert filters" });
    await user.selectOptions(within(filters).getByRole("combobox", { name: "Policy" }), "Proxy session started");
    await user.selectOptions(within(filters).getByRole("combobox", { name: "Severity" }), "High");
    await user.selectOptions(within(filters).getByRole("combobox", { name: "Connector" }), "Acme sandbox");
    await user.type(within(filters).getByRole("textbox", { name: /^Account/ }), "lmcneil");
    await user.click(within(filters).getByRole("button", { name: "Apply filters" }));
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(Object.fromEntries(search(router))).toEqual({ policyId: "p1", severity: "high", connectorId: "c1", account: "lmcneil" });
    expect(Object.fromEntries(fake.state.alertQueries.at(-1) ?? [])).toEqual({ policyId: "p1", severity: "high", connectorId: "c1", account: "lmcneil" });

    await user.click(screen.getByRole("link", { name: "Open (1)" }));
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    expect(Object.fromEntries(search(router))).toEqual({ policyId: "p1", severity: "high", connectorId: "c1", account: "lmcneil", status: "open" });
    expect(await screen.findByRole("link", { name: "Open (1)", current: true })).toBeDefined();
    // Applying filters again keeps the status chosen by the counts.
    await user.click(within(screen.getByRole("search", { name: "Alert filters" })).getByRole("button", { name: "Apply filters" }));
    await vi.waitFor(() => expect(search(router).get("status")).toBe("open"));
  });

  it("when there are more alerts than a page, then Next follows the API's cursor and Previous goes back with the cursors kept in the URL", async () => {
    fakePoliciesApi({ policies: POLICIES, alerts: ALERTS, connectors: CONNECTORS, pageSize: 1 });
    const { user, router } = await openAlerts();
    const paging = () => screen.getByRole("navigation", { name: "Pages" });
    expect(within(paging()).queryByRole("link", { name: "Previous page" })).toBeNull();
    await user.click(within(paging()).getByRole("link", { name: "Next page" }));
    await screen.findByText("Page 2");
    await user.click(within(paging()).getByRole("link", { name: "Next page" }));
    await screen.findByText("Page 3");
    expect(router.state.location.search).toBe("?cursor=2&prev=1");
    expect(
      within(rows()[0] ?? document.body)
        .getByRole("link")
        .getAttribute("href"),
    ).toBe("/alerts/a3");
    expect(within(paging()).queryByRole("link", { name: "Next page" })).toBeNull();
    await user.click(within(paging()).getByRole("link", { name: "Previous page" }));
    await screen.findByText("Page 2");
    expect(router.state.location.search).toBe("?cursor=1");
    await user.click(within(paging()).getByRole("link", { name: "Previous page" }));
    await screen.findByText("Page 1");
    expect(router.state.location.search).toBe("");
  });
});
