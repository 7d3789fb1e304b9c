import type { Connector } from "@wc/contracts";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { connected, makeConnector, PASSED_CHECKS, readyToConnect, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const ADMIN_LINKS = ["Resume setup", "Edit details", "Workday"];
const REFUSAL = "Only admins can change connectors.";

/** Support staff may press only the top bar's Menu and Sign out, and search a list; they may follow no link into setup or editing. */
function expectNoAdminControls() {
  const pressable = screen.getAllByRole("button").filter((b) => b.closest("[role=search]") === null);
  expect(pressable.map((b) => b.textContent)).toEqual(["Menu", "Sign out"]);
  const links = screen.getAllByRole("link").map((l) => l.textContent);
  for (const name of ADMIN_LINKS) expect(links).not.toContain(name);
}

const CONNECTORS: Connector[] = [
  makeConnector({ id: "d1", name: "Acme draft" }),
  readyToConnect({ id: "c2", name: "Waiting" }),
  connected({ id: "c1", name: "Acme sandbox", lastChecks: PASSED_CHECKS }),
  connected({ id: "c3", name: "Refreshed sandbox", status: "relink_needed", reasonCode: "invalid_grant" }),
  connected({ id: "c4", name: "Missing permission", environment: "production", status: "action_required", reasonCode: "invalid_client" }),
  connected({ id: "c5", name: "Turned off", status: "disconnected", reasonCode: "disconnected_by_admin" }),
];

describe("support role: no admin actions anywhere", () => {
  it("when support staff open App Connectors, then there is no Connect an app, Resume setup or Discard", async () => {
    server.use(api.session("support"), api.connectors({ connectors: CONNECTORS.map(toSummary) }));
    renderApp("/connectors");
    await screen.findByRole("link", { name: "Acme draft" });
    expectNoAdminControls();
    expect(screen.getByRole("link", { name: "Refreshed sandbox" })).toBeDefined();
  });

  it.each(CONNECTORS.map((c) => [c.status, c] as const))(
    "when support staff open a connector that is %s, then its status shows without Run checks now, Reconnect, Edit details, Disconnect or Delete",
    async (_status, connector) => {
      server.use(api.session("support"), api.connector(connector));
      renderApp(`/connectors/${connector.id}`);
      await screen.findByRole("heading", { name: connector.name, level: 1 });
      expect(screen.getByRole("region", { name: "Status" })).toBeDefined();
      expect(screen.getByRole("link", { name: "Download diagnostics" })).toBeDefined();
      expectNoAdminControls();
    },
  );

  it("when support staff open /connectors/new, then it says only admins can change connectors instead of the form", async () => {
    server.use(api.session("support"));
    renderApp("/connectors/new");
    expect(await screen.findByText(REFUSAL)).toBeDefined();
    expect(screen.queryByRole("textbox", { name: "Name" })).toBeNull();
    expectNoAdminControls();
  });

  it.each(["prerequisites", "details", "connect", "done"])(
    "when support staff open the wizard at %s, then it says only admins can change connectors instead of the step",
    async (step) => {
      server.use(api.session("support"), api.connector(readyToConnect()));
      renderApp(`/connectors/c1/setup?step=${step}`);
      expect(await screen.findByText(REFUSAL)).toBeDefined();
      expect(screen.queryByRole("button", { name: "Next" })).toBeNull();
      expect(screen.queryByRole("textbox")).toBeNull();
      expectNoAdminControls();
      expect(screen.getByRole("link", { name: "Go to the connector page" }).getAttribute("href")).toBe("/connectors/c1");
    },
  );
});
