import { CSRF_HEADER, routes } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakePoliciesApi } from "../../testing/fake-policies-api";
import { api } from "../../testing/handlers";
import { makeAlertDetail } from "../../testing/policy-fixtures";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

async function openAlert(id = "a1") {
  const view = renderApp(`/alerts/${id}`);
  await screen.findByRole("heading", { name: "Alert: Proxy session started", level: 1 });
  return view;
}

const facts = () => {
  const list = screen.getByRole("region", { name: "Alert" });
  const terms = within(list)
    .getAllByRole("term")
    .map((t) => t.textContent);
  const values = within(list)
    .getAllByRole("definition")
    .map((d) => d.textContent);
  return Object.fromEntries(terms.map((t, i) => [t, values[i]]));
};
const actions = () => screen.getByRole("region", { name: "Actions" });

describe("Alert page", () => {
  it("when an alert opens, then its facts and matching rows show, and Open in Activity names its connector, account and rows' time range", async () => {
    fakePoliciesApi();
    await openAlert();
    expect(facts()).toMatchObject({
      Status: "Open",
      Policy: "Proxy session started",
      Severity: "High",
      Connector: "Acme sandbox (acme_impl)",
      Account: "lmcneil",
      Rows: "3",
    });
    const table = screen.getByRole("table", { name: "Matching rows, oldest first" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Time (UTC)", "Account", "Task", "Action", "IP address", "Device", "Target"]);
    const first = within(within(table).getAllByRole("row")[1] ?? document.body)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(first.slice(1)).toEqual(["lmcneil", "Start Proxy", "WRITE", "203.0.113.7", "DesktopMozilla/5.0", "Betty Liu"]);
    // `to` is exclusive and the Activity filters hold whole seconds: the second after the last row (09:20:00.456).
    const href = screen.getByRole("link", { name: "Open in Activity" }).getAttribute("href") ?? "";
    const query = new URLSearchParams(href.split("?")[1]);
    expect(href.startsWith("/activity?")).toBe(true);
    expect(Object.fromEntries(query)).toEqual({ connectorId: "c1", account: "lmcneil", from: "2026-11-21T09:15:07.000Z", to: "2026-11-21T09:20:01.000Z" });
  });

  it("when Resolve is pressed without a note, then the Note field says why one is needed, takes the focus, and nothing is sent", async () => {
    const { calls } = fakePoliciesApi();
    const { user } = await openAlert();
    await user.type(within(actions()).getByRole("textbox", { name: /^Note/ }), "   ");
    await user.click(within(actions()).getByRole("button", { name: "Resolve" }));
    const note = within(actions()).getByRole("textbox", { name: /^Note/ });
    expect((await within(actions()).findByRole("alert")).textContent).toBe("Say why in a note: it goes into the audit log.");
    expect(note.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(note);
    expect(calls).toHaveLength(0);
  });

  it("when Dismiss is pressed with a note, then it is sent with the CSRF header and the page shows the note, who and when; Reopen follows", async () => {
    const { calls } = fakePoliciesApi();
    const { user } = await openAlert();
    await user.type(within(actions()).getByRole("textbox", { name: /^Note/ }), "Planned proxy test in the sandbox.");
    await user.click(within(actions()).getByRole("button", { name: "Dismiss" }));
    expect(await within(actions()).findByText("Dismissed the alert.")).toBeDefined();
    expect(calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get(CSRF_HEADER)])).toEqual([["POST", routes.alertStatus("a1"), "1"]]);
    expect(calls[0]?.body).toEqual({ status: "dismissed", note: "Planned proxy test in the sandbox." });
    expect(facts()).toMatchObject({ Status: "Dismissed", Note: "Planned proxy test in the sandbox." });
    expect(facts()["Dismissed by"]).toMatch(/^Ada Admin at 30 Nov 2026/);

    await user.click(within(actions()).getByRole("button", { name: "Reopen" }));
    expect(await within(actions()).findByText("Reopened the alert.")).toBeDefined();
    expect(calls[1]?.body).toEqual({ status: "open", note: "" });
    expect(within(actions()).getByRole("button", { name: "Resolve" })).toBeDefined();
  });

  it("when support staff open an alert, then they read it but get no Resolve, Dismiss or Reopen", async () => {
    server.use(api.session("support"));
    fakePoliciesApi({
      alerts: [makeAlertDetail(), makeAlertDetail({ id: "a2", status: "resolved", note: "Done", closedBy: "Ada Admin", closedAt: "2026-11-29T10:00:00.000Z" })],
    });
    const { router } = await openAlert();
    expect(screen.queryByRole("region", { name: "Actions" })).toBeNull();
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Menu", "Sign out"]);
    await router.navigate("/alerts/a2");
    await screen.findByText("Done");
    expect(facts()).toMatchObject({ Status: "Resolved", Note: "Done" });
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Menu", "Sign out"]);
  });
});
