import { CSRF_HEADER, routes } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakePoliciesApi } from "../../testing/fake-policies-api";
import { api } from "../../testing/handlers";
import { makeAlertDetail, makePolicy } from "../../testing/policy-fixtures";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const POLICIES = [makePolicy(), makePolicy({ id: "p2", name: "Many worker records read", severity: "medium" })];
/** Three open alerts of p1, one open of p2, one resolved of p1. */
const ALERTS = [
  makeAlertDetail({ id: "a1" }),
  makeAlertDetail({ id: "a2", account: "svc_payroll", raisedAt: "2026-11-21T10:00:00.000Z" }),
  makeAlertDetail({ id: "a3", account: "bliu", raisedAt: "2026-11-21T11:00:00.000Z" }),
  makeAlertDetail({ id: "a4", policyId: "p2", policyName: "Many worker records read", raisedAt: "2026-11-21T12:00:00.000Z" }),
  makeAlertDetail({ id: "a5", status: "resolved", note: "Known", closedBy: "Ada Admin", closedAt: "2026-11-22T08:00:00.000Z" }),
];

async function openAlerts(url: string) {
  const view = renderApp(url);
  await screen.findByRole("heading", { name: "Alerts", level: 1 });
  return view;
}
const statusLinks = () =>
  within(screen.getByRole("navigation", { name: "Filter by status" }))
    .getAllByRole("link")
    .map((l) => l.textContent);

describe("Alerts page: every alert the filters match at once", () => {
  it("when an admin resolves all open alerts of a policy with a note, then the filters, note and count shown are sent once, and the page says how many changed", async () => {
    const { calls, state } = fakePoliciesApi({ policies: POLICIES, alerts: ALERTS });
    const { user } = await openAlerts("/alerts?policyId=p1");
    await user.click(screen.getByText("Resolve or dismiss all 3 open alerts"));
    await user.type(screen.getByRole("textbox", { name: /^Note for all/ }), "Proxy tests this week, planned.");
    await user.click(screen.getByRole("button", { name: "Resolve all 3" }));
    const done = await screen.findByText("Resolved 3 alerts.");
    expect(done.getAttribute("role")).toBe("status");
    expect(document.activeElement).toBe(done);
    expect(calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get(CSRF_HEADER)])).toEqual([["POST", routes.alertsStatus, "1"]]);
    expect(calls[0]?.body).toEqual({ filter: { policyId: "p1" }, from: "open", status: "resolved", note: "Proxy tests this week, planned.", count: 3 });
    expect(statusLinks()).toEqual(["All (4)", "Open (0)", "Resolved (4)", "Dismissed (0)"]);
    expect(screen.queryByText(/^Resolve or dismiss all/)).toBeNull();
    // The other policy's open alert was not among them.
    expect(state.alerts.find((a) => a.id === "a4")?.status).toBe("open");
  });

  it("when Dismiss all is pressed without a note, then the Note for all field says why, takes the focus, and nothing is sent", async () => {
    const { calls } = fakePoliciesApi({ policies: POLICIES, alerts: ALERTS });
    const { user } = await openAlerts("/alerts");
    await user.click(screen.getByText("Resolve or dismiss all 4 open alerts"));
    await user.click(screen.getByRole("button", { name: "Dismiss all 4" }));
    const note = screen.getByRole("textbox", { name: /^Note for all/ });
    expect((await screen.findByRole("alert")).textContent).toBe("Say why in a note: it goes into the audit log.");
    expect(document.activeElement).toBe(note);
    expect(calls).toHaveLength(0);
  });

  it("when an alert was raised after the list was read, then the refusal is said, nothing changes, and the form offers the new count", async () => {
    const { calls, state } = fakePoliciesApi({ policies: POLICIES, alerts: ALERTS });
    const { user } = await openAlerts("/alerts?policyId=p1&status=open");
    await user.click(screen.getByText("Resolve or dismiss all 3 open alerts"));
    state.alerts = [...state.alerts, makeAlertDetail({ id: "a6", raisedAt: "2026-11-23T08:00:00.000Z" })];
    await user.type(screen.getByRole("textbox", { name: /^Note for all/ }), "Planned.");
    await user.click(screen.getByRole("button", { name: "Resolve all 3" }));
    expect((await screen.findByRole("alert")).textContent).toContain("4 open alerts match these filters now, not 3");
    expect(calls).toHaveLength(1);
    expect(state.alerts.filter((a) => a.status === "open")).toHaveLength(5);
    expect(await screen.findByRole("button", { name: "Resolve all 4" })).toBeDefined();
  });

  it("when the list is filtered to resolved alerts, then Reopen all is offered without a note and sends `from: resolved`", async () => {
    const { calls } = fakePoliciesApi({ policies: POLICIES, alerts: ALERTS });
    const { user } = await openAlerts("/alerts?account=LMCNEIL&status=resolved");
    await user.click(screen.getByText("Reopen all 1 resolved alert"));
    expect(screen.queryByRole("textbox", { name: /^Note for all/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Reopen all 1" }));
    expect((await screen.findByText("Reopened 1 alert.")).getAttribute("role")).toBe("status");
    expect(calls[0]?.body).toEqual({ filter: { account: "LMCNEIL" }, from: "resolved", status: "open", note: "", count: 1 });
  });

  it("when support staff read the list, then no bulk change is offered", async () => {
    server.use(api.session("support"));
    fakePoliciesApi({ policies: POLICIES, alerts: ALERTS });
    await openAlerts("/alerts");
    expect(screen.queryByText(/^Resolve or dismiss all/)).toBeNull();
    expect(screen.queryByRole("button", { name: /all/ })).toBeNull();
  });
});
