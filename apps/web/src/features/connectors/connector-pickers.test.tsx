import { screen, within } from "@testing-library/react";
import { routes } from "@wc/contracts";
import { describe, expect, it } from "vitest";
import { fakeNotificationsApi } from "../../testing/fake-notifications-api";
import { activityPage, connected, makeActivityRow, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

/** More than two of the list's largest pages (200): the pickers read the names route, which answers every connector at once. */
const MANY = Array.from({ length: 450 }, (_, i) => toSummary(connected({ id: `c${i}`, name: `Tenant ${String(i).padStart(3, "0")}` })));
const SLOW = { timeout: 5000 };

describe("pickers that offer every connector", () => {
  it("when a channel's connectors are chosen, then every connector is offered however many pages the list takes", async () => {
    fakeNotificationsApi({ connectors: MANY });
    const { user } = renderApp("/notifications");
    await screen.findByRole("heading", { name: "Notifications", level: 1 }, SLOW);
    const scope = within(screen.getByRole("region", { name: "Add webhook" })).getByRole("group", { name: "Connectors" });
    await user.click(within(scope).getByRole("radio", { name: "Chosen connectors" }));
    expect(within(scope).getAllByRole("checkbox")).toHaveLength(450);
    expect(within(scope).getByRole("checkbox", { name: "Tenant 449" })).toBeDefined();
  });

  it("when the activity Connector filter opens, then it offers every connector", async () => {
    server.use(api.connectors({ connectors: MANY }), api.activity(activityPage([makeActivityRow()])));
    renderApp("/activity");
    await screen.findByRole("heading", { name: "Activity", level: 1 }, SLOW);
    const options = within(screen.getByLabelText("Connector")).getAllByRole("option");
    expect(options).toHaveLength(451);
    expect(options.at(-1)?.textContent).toBe("Tenant 449");
  });

  it("when the activity page loads with 450 connectors, then their names come in one request and the connectors list is not paged through", async () => {
    const asked: string[] = [];
    const listen = ({ request }: { request: Request }) => void asked.push(new URL(request.url).pathname);
    server.events.on("request:start", listen);
    try {
      server.use(api.connectors({ connectors: MANY }), api.activity(activityPage([makeActivityRow()])));
      renderApp("/activity");
      await screen.findByRole("heading", { name: "Activity", level: 1 }, SLOW);
      expect(within(screen.getByLabelText("Connector")).getAllByRole("option")).toHaveLength(451);
      expect(asked.filter((p) => p === routes.connectorNames)).toHaveLength(1);
      expect(asked.filter((p) => p === routes.connectors)).toEqual([]);
    } finally {
      server.events.removeListener("request:start", listen);
    }
  });
});
