import { routes, type HandoffLink } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { connected, makeConnector } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const URL_ONCE = `http://localhost:3000/handoff#${"T".repeat(43)}`;

function link(over: Partial<HandoffLink> = {}): HandoffLink {
  return {
    id: "l1",
    connectorId: "c1",
    createdBy: "Ada Admin",
    createdAt: "2026-11-21T10:00:00.000Z",
    expiresAt: "2026-11-22T10:00:00.000Z",
    state: "active",
    revokedAt: null,
    revokedBy: null,
    usedAt: null,
    lastStep: null,
    lastStepAt: null,
    lastIp: null,
    lastUserAgent: null,
    ...over,
  };
}

/** The connector page with its hand-off links held in memory behind list, create and revoke. */
function serveLinks(connector = makeConnector()) {
  const state = { links: [] as HandoffLink[], created: [] as unknown[] };
  server.use(
    http.get(routes.connector(connector.id), () => HttpResponse.json({ connector, timeline: [] })),
    http.get(routes.connectorHandoffLinks(connector.id), () => HttpResponse.json({ links: state.links })),
    http.post(routes.connectorHandoffLinks(connector.id), async ({ request }) => {
      state.created.push(await request.json());
      state.links = [link(), ...state.links];
      return HttpResponse.json({ link: link(), url: URL_ONCE }, { status: 201 });
    }),
    http.delete(routes.connectorHandoffLink(connector.id, "l1"), () => {
      state.links = [link({ state: "revoked", revokedBy: "Ada Admin", revokedAt: "2026-11-21T11:00:00.000Z" })];
      return HttpResponse.json({ link: state.links[0] });
    }),
  );
  return state;
}

describe("connector page: hand-off link", () => {
  it("when an admin creates a 3-day link, then its URL is shown once with Copy, the list shows it active, and Revoke revokes it", async () => {
    const state = serveLinks();
    const { user } = renderApp("/connectors/c1");
    const section = within(await screen.findByRole("region", { name: "Hand-off link" }));
    expect(section.getByRole("combobox", { name: "Expires after" })).toHaveProperty("value", "24");
    await user.selectOptions(section.getByRole("combobox", { name: "Expires after" }), "3 days");
    await user.click(section.getByRole("button", { name: "Create hand-off link" }));
    expect(await section.findByText(URL_ONCE)).toBeDefined();
    expect(section.getByText(/shown only once/)).toBeDefined();
    expect(section.getByRole("button", { name: "Copy hand-off link" })).toBeDefined();
    expect(state.created).toEqual([{ expiresInHours: 72 }]);
    const row = within(await section.findByRole("row", { name: /Ada Admin/ }));
    expect(row.getByText("Active")).toBeDefined();
    await user.click(section.getByRole("button", { name: "Done" }));
    expect(section.queryByText(URL_ONCE)).toBeNull();
    await user.click(row.getByRole("button", { name: "Revoke" }));
    expect(await section.findByText("Revoked by Ada Admin")).toBeDefined();
  });

  it("when a link was used, then the list says when and how far the Workday administrator got", async () => {
    const state = serveLinks();
    state.links = [
      link({
        state: "used",
        usedAt: "2026-11-21T10:30:00.000Z",
        lastStep: "consent_completed",
        lastStepAt: "2026-11-21T10:30:00.000Z",
        lastIp: "203.0.113.9",
      }),
    ];
    renderApp("/connectors/c1");
    const section = within(await screen.findByRole("region", { name: "Hand-off link" }));
    expect(await section.findByRole("cell", { name: "Used" })).toBeDefined();
    expect(section.getByText(/Completed consent/)).toBeDefined();
    expect(section.getByText(/from 203\.0\.113\.9/)).toBeDefined();
    expect(section.queryByRole("button", { name: "Revoke" })).toBeNull();
  });

  it("when the connector is connected, then no link can be created and the section says why", async () => {
    serveLinks(connected());
    renderApp("/connectors/c1");
    const section = within(await screen.findByRole("region", { name: "Hand-off link" }));
    expect(section.getByText(/does not need consent now/)).toBeDefined();
    expect(section.queryByRole("button", { name: "Create hand-off link" })).toBeNull();
  });

  it("when the user is support, then the section is not shown", async () => {
    server.use(api.session("support"));
    serveLinks();
    renderApp("/connectors/c1");
    expect(await screen.findByRole("heading", { level: 1 })).toBeDefined();
    expect(screen.queryByRole("region", { name: "Hand-off link" })).toBeNull();
  });
});
