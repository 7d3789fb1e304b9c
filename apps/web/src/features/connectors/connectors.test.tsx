import { routes, STATUS_LABELS } from "@wc/contracts";
import { http, HttpResponse } from "msw";
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { connected, makeConnector, readyToConnect, TIMELINE, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { connectorListAnswer } from "../../testing/fake-connector-list";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const draft = makeConnector({ id: "d1", name: "Acme draft" });
const live = connected({ id: "c1", name: "Acme sandbox" });
const broken = connected({
  id: "c2",
  name: "Acme production",
  status: "relink_needed",
  reasonCode: "invalid_grant",
  environment: "production",
  tenant: "acme",
});

describe("App Connectors page", () => {
  it("when connectors load, then each status is shown in words with tenant and environment (an _impl tenant as Implementation)", async () => {
    server.use(api.connectors({ connectors: [draft, live, broken].map(toSummary) }));
    renderApp("/connectors");
    expect(await screen.findByRole("heading", { name: "App Connectors" })).toBeDefined();
    const rows = screen.getAllByRole("row");
    const text = rows.map((r) => r.textContent);
    expect(text.some((t) => t?.includes("Acme draft") && t.includes(STATUS_LABELS.pending_configuration))).toBe(true);
    expect(text.some((t) => t?.includes("Acme sandbox") && t.includes("Connected") && t.includes("Implementation") && t.includes("acme_impl"))).toBe(true);
    expect(text.some((t) => t?.includes("Acme production") && t.includes("Reconnect needed") && t.includes("Production"))).toBe(true);
    expect(screen.queryByText("relink_needed")).toBeNull();
    expect(screen.getByRole("link", { name: "Acme sandbox" }).getAttribute("href")).toBe("/connectors/c1");
  });

  it("when a draft is listed, then it offers Resume setup and Discard, and Discard deletes it after confirming", async () => {
    let list = [toSummary(draft), toSummary(live)];
    server.use(
      http.get(routes.connectors, ({ request }) => HttpResponse.json(connectorListAnswer(list, new URL(request.url)))),
      http.delete(routes.connector("d1"), () => {
        list = list.filter((c) => c.id !== "d1");
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const confirm = vi.fn(() => true);
    vi.stubGlobal("confirm", confirm);
    const { user } = renderApp("/connectors");
    const row = (await screen.findByText("Acme draft")).closest("tr");
    if (!row) throw new Error("no row");
    expect(within(row).getByRole("link", { name: "Resume setup" }).getAttribute("href")).toBe("/connectors/d1/setup");
    await user.click(within(row).getByRole("button", { name: "Discard" }));
    expect(confirm).toHaveBeenCalled();
    await vi.waitFor(() => expect(screen.queryByText("Acme draft")).toBeNull());
    expect(screen.getByText("Acme sandbox")).toBeDefined();
  });

  it("when Connect an app is chosen, then Workday starts the wizard at the Name step", async () => {
    server.use(api.connectors({ connectors: [] }));
    const { user, router } = renderApp("/connectors");
    await user.click(await screen.findByRole("button", { name: "Connect an app" }));
    await user.click(screen.getByRole("link", { name: "Workday" }));
    // The wizard's code is fetched on the way (a lazy route), so the address changes once it is in.
    expect(await screen.findByRole("textbox", { name: "Name" })).toBeDefined();
    expect(router.state.location.pathname).toBe("/connectors/new");
  });

  it("when the user is support staff, then no admin actions are offered", async () => {
    server.use(api.session("support"), api.connectors({ connectors: [toSummary(draft)] }));
    renderApp("/connectors");
    expect(await screen.findByText("Acme draft")).toBeDefined();
    expect(screen.queryByRole("button", { name: "Connect an app" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Resume setup" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Discard" })).toBeNull();
    expect(screen.getByText(/Sam Support/)).toBeDefined();
  });
});

describe("connector page", () => {
  it("when the server sends a secret by mistake, then the page never renders it and shows only the hint", async () => {
    server.use(
      http.get(routes.connector("c1"), () =>
        HttpResponse.json({ connector: { ...live, clientSecret: "super-secret-value", refreshToken: "rt-value" }, timeline: TIMELINE }),
      ),
    );
    const { container } = renderApp("/connectors/c1");
    expect(await screen.findByRole("heading", { name: "Acme sandbox", level: 1 })).toBeDefined();
    expect(container.textContent).not.toContain("super-secret-value");
    expect(container.textContent).not.toContain("rt-value");
    expect(screen.getByText("set (ends in …abcd)")).toBeDefined();
    expect(container.querySelector('input[type="password"]')).toBeNull();
  });

  it("when a connector is connected to a sandbox, then details, the sandbox note and the timeline show", async () => {
    server.use(api.connector(live, TIMELINE));
    renderApp("/connectors/c1");
    expect(await screen.findByText("Workday refreshes sandboxes weekly, which breaks the connection; reconnect after each refresh.")).toBeDefined();
    expect(screen.getByText("http://localhost:3000/api/oauth/connect/c1")).toBeDefined();
    expect(screen.getByText("ISU_connect")).toBeDefined();
    const timeline = screen.getByRole("table", { name: "Status changes" });
    expect(within(timeline).getByText("Waiting for consent → Connected")).toBeDefined();
  });

  it("when a connector needs reconnecting, then the troubleshooting entry for its reason and a Reconnect button show", async () => {
    server.use(api.connector(broken));
    renderApp("/connectors/c2");
    const help = await screen.findByRole("region", { name: "Troubleshooting" });
    expect(within(help).getAllByRole("listitem").length).toBeGreaterThan(0);
    expect(screen.getAllByText("Reconnect needed").length).toBeGreaterThan(0);
    expect(within(help).getByRole("button", { name: "Reconnect" })).toBeDefined();
  });

  it("when the connector does not exist, then the error boundary shows the server's message", async () => {
    server.use(api.error("get", routes.connector("nope"), 404, { code: "not_found", message: "No connector with this id.", requestId: "r-1" }));
    renderApp("/connectors/nope");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeDefined();
    expect(screen.getByText("No connector with this id.")).toBeDefined();
  });

  it("when loading fails, then the error boundary shows the message and request id under the top bar", async () => {
    server.use(api.error("get", routes.connector("c1"), 500, { code: "internal", message: "The store is unavailable.", requestId: "req-9" }));
    renderApp("/connectors/c1");
    expect(await screen.findByText("The store is unavailable.")).toBeDefined();
    expect(screen.getByText("Request ID: req-9")).toBeDefined();
    expect(screen.getByRole("link", { name: "App Connectors" })).toBeDefined();
  });

  it("when an unknown address is opened, then the 404 page shows", async () => {
    renderApp("/nowhere");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeDefined();
  });

  it("when a draft is opened by support, then the waiting status shows without setup links", async () => {
    server.use(api.session("support"), api.connector(readyToConnect()));
    renderApp("/connectors/c1");
    expect((await screen.findAllByText("Waiting for consent")).length).toBeGreaterThan(0);
    expect(screen.queryByRole("link", { name: "Resume setup" })).toBeNull();
    expect(screen.queryByRole("button", { name: /More actions/ })).toBeNull();
  });
});
