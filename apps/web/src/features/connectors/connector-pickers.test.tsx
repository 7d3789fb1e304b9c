import { screen, within } from "@testing-library/react";
import { routes } from "@wc/contracts";
import { describe, expect, it, vi } from "vitest";
import { fakeNotificationsApi } from "../../testing/fake-notifications-api";
import { fakePoliciesApi } from "../../testing/fake-policies-api";
import { makePolicy } from "../../testing/policy-fixtures";
import { activityPage, connected, makeActivityRow, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

/** More than two of the list's largest pages (200): the pickers read the names route, which answers every connector at once. */
const MANY = Array.from({ length: 450 }, (_, i) => toSummary(connected({ id: `c${i}`, name: `Tenant ${String(i).padStart(3, "0")}` })));
const SLOW = { timeout: 5000 };
/** The connectors of MANY whose name contains "44", in the list's order. */
const WITH_44 = MANY.filter((c) => c.name.includes("44")).map((c) => c.name);
const shownNames = (scope: HTMLElement) =>
  within(scope)
    .queryAllByRole("checkbox")
    .map((c) => c.closest("label")?.textContent);

describe("pickers that offer every connector", () => {
  it("when a channel's connectors are chosen among 450, then the first 200 are listed and the filter box finds any other", async () => {
    fakeNotificationsApi({ connectors: MANY });
    const { user } = renderApp("/notifications");
    await screen.findByRole("heading", { name: "Notifications", level: 1 }, SLOW);
    const scope = within(screen.getByRole("region", { name: "Add webhook" })).getByRole("group", { name: "Connectors" });
    await user.click(within(scope).getByRole("radio", { name: "Chosen connectors" }));
    expect(shownNames(scope)).toEqual(MANY.slice(0, 200).map((c) => c.name));
    expect(within(scope).getByText("Showing 200 of 450: type part of a name to find the others · 0 chosen")).toBeDefined();
    const box = within(scope).getByRole("searchbox", { name: "Filter connectors" });
    await user.type(box, "tenant 449");
    expect(shownNames(scope)).toEqual(["Tenant 449"]);
    await user.click(within(scope).getByRole("checkbox", { name: "Tenant 449" }));
    // Once ticked it stays in the list past the first 200, so it can be unticked without typing its name again.
    await user.clear(box);
    expect(shownNames(scope)).toEqual([...MANY.slice(0, 200).map((c) => c.name), "Tenant 449"]);
    expect(within(scope).getByText("Showing 201 of 450: type part of a name to find the others · 1 chosen")).toBeDefined();
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

  it("when a channel's connectors are filtered, then only matching names show, ticks made before stay and every tick is sent; Enter in the box sends nothing", async () => {
    const { calls } = fakeNotificationsApi({ connectors: MANY });
    const { user } = renderApp("/notifications");
    await screen.findByRole("heading", { name: "Notifications", level: 1 }, SLOW);
    const form = screen.getByRole("region", { name: "Add webhook" });
    // Filled in first, so that Enter in the filter box would send a valid form if it sent one.
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Two tenants");
    await user.type(within(form).getByRole("textbox", { name: /^URL/ }), "https://hooks.example.com/wc");
    const scope = within(form).getByRole("group", { name: "Connectors" });
    await user.click(within(scope).getByRole("radio", { name: "Chosen connectors" }));
    expect(within(scope).getByText("Showing 200 of 450: type part of a name to find the others · 0 chosen")).toBeDefined();
    await user.click(within(scope).getByRole("checkbox", { name: "Tenant 001" }));
    const box = within(scope).getByRole("searchbox", { name: "Filter connectors" });
    await user.type(box, "44{Enter}");
    expect(calls).toEqual([]);
    expect(shownNames(scope)).toEqual(WITH_44);
    expect(within(scope).getByText(`Showing ${WITH_44.length} of 450 · 1 chosen`)).toBeDefined();
    await user.click(within(scope).getByRole("checkbox", { name: "Tenant 445" }));
    await user.clear(box);
    await user.type(box, "no such tenant");
    expect(shownNames(scope)).toEqual([]);
    expect(within(scope).getByText("No connector's name contains “no such tenant”. · 2 chosen")).toBeDefined();

    await user.click(within(form).getByRole("button", { name: "Add webhook" }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toMatchObject({ name: "Two tenants", connectorIds: ["c1", "c445"] });
  });

  it("when a policy's connectors are filtered, then ticks made under the filter and outside it are both saved", async () => {
    const { calls } = fakePoliciesApi({ policies: [makePolicy()], connectors: MANY });
    const { user } = renderApp("/policies/p1");
    await screen.findByRole("heading", { name: "Proxy session started", level: 1 }, SLOW);
    await user.click(screen.getByRole("radio", { name: "Chosen connectors" }));
    const scope = screen.getByRole("group", { name: "Connectors" });
    await user.click(within(scope).getByRole("checkbox", { name: "Tenant 002" }));
    await user.type(within(scope).getByRole("searchbox", { name: "Filter connectors" }), "TENANT 44");
    expect(shownNames(scope)).toEqual(MANY.filter((c) => c.name.startsWith("Tenant 44")).map((c) => c.name));
    await user.click(within(scope).getByRole("checkbox", { name: "Tenant 449" }));
    expect(within(scope).getByText("Showing 10 of 450 · 2 chosen")).toBeDefined();
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toMatchObject({ connectorIds: ["c2", "c449"] });
  });
});
