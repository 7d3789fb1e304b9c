import { routes, type ConnectorStatus } from "@wc/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { connected, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const status = (i: number): ConnectorStatus => (i % 40 === 0 ? "relink_needed" : i % 40 === 1 ? "action_required" : i % 40 === 2 ? "degraded" : "connected");
/** 120 connectors: three need attention, three are degraded. */
const MANY = Array.from({ length: 120 }, (_, i) =>
  toSummary(
    connected({
      id: `c${i}`,
      name: `Tenant ${String(i).padStart(3, "0")}`,
      status: status(i),
      tenant: i % 2 ? `acme${i}` : `globex${i}`,
      environment: i % 2 ? "sandbox" : "production",
      lastSuccessAt: `2026-11-${String((i % 28) + 1).padStart(2, "0")}T08:00:00.000Z`,
    }),
  ),
);

/** Each page renders 50 rows: on a loaded machine that can take longer than findBy's usual second. */
const SLOW = { timeout: 5000 };

const names = () =>
  screen
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r).getAllByRole("link")[0]?.textContent);

describe("App Connectors at scale", () => {
  it("when the list loads, then the counts of the whole console are filter links and the first page says which it is", async () => {
    server.use(api.connectors({ connectors: MANY }));
    renderApp("/connectors");
    const filters = await screen.findByRole("navigation", { name: "Filter by status" });
    expect(within(filters).getByRole("link", { name: "All 120" }).getAttribute("aria-current")).toBe("true");
    expect(within(filters).getByRole("link", { name: "6 need attention" })).toBeDefined();
    expect(within(filters).getByRole("link", { name: "Reconnect needed 3" })).toBeDefined();
    expect(within(filters).getByRole("link", { name: "Action required in Workday 3" })).toBeDefined();
    expect(within(filters).getByRole("link", { name: "Degraded 3" })).toBeDefined();
    expect(within(filters).getByRole("link", { name: "Connected 111" })).toBeDefined();
    expect(screen.getByText("Page 1 of 3: connectors 1–50 of 120")).toBeDefined();
    expect(names()).toHaveLength(50);
    expect(screen.queryByRole("link", { name: "Previous page" })).toBeNull();
  });

  it("when a count is chosen, then the URL keeps the filter, only those connectors show and the link is marked current", async () => {
    server.use(api.connectors({ connectors: MANY }));
    const { user, router } = renderApp("/connectors");
    await user.click(await screen.findByRole("link", { name: "6 need attention" }));
    await waitFor(() => expect(router.state.location.search).toBe("?status=relink_needed%2Caction_required"));
    await screen.findByText("6 connectors");
    expect(names()).toEqual(["Tenant 000", "Tenant 001", "Tenant 040", "Tenant 041", "Tenant 080", "Tenant 081"]);
    expect(screen.getByRole("link", { name: "6 need attention" }).getAttribute("aria-current")).toBe("true");
    expect(screen.getByRole("link", { name: "All 120" }).getAttribute("aria-current")).toBeNull();
    await user.click(screen.getByRole("link", { name: "Reconnect needed 3" }));
    await waitFor(() => expect(router.state.location.search).toBe("?status=relink_needed"));
    await screen.findByText("3 connectors");
  });

  it("when Next and Previous are followed, then the URL carries the cursor and page, the summary takes focus and names the page", async () => {
    server.use(api.connectors({ connectors: MANY }));
    const { user, router } = renderApp("/connectors");
    await user.click(await screen.findByRole("link", { name: "Next page" }, SLOW));
    const summary = await screen.findByText("Page 2 of 3: connectors 51–100 of 120", {}, SLOW);
    expect(new URLSearchParams(router.state.location.search).get("page")).toBe("2");
    expect(new URLSearchParams(router.state.location.search).get("cursor")).not.toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(names()[0]).toBe("Tenant 050");
    await user.click(screen.getByRole("link", { name: "Next page" }));
    await screen.findByText("Page 3 of 3: connectors 101–120 of 120", {}, SLOW);
    expect(screen.queryByRole("link", { name: "Next page" })).toBeNull();
    await user.click(screen.getByRole("link", { name: "Previous page" }));
    await screen.findByText("Page 2 of 3: connectors 51–100 of 120", {}, SLOW);
    await user.click(screen.getByRole("link", { name: "Previous page" }));
    await screen.findByText("Page 1 of 3: connectors 1–50 of 120", {}, SLOW);
    expect(router.state.location.search).toBe("");
  });

  it("when a column heading is chosen, then the list sorts by it, says so with aria-sort, and a second choice turns it round", async () => {
    server.use(api.connectors({ connectors: MANY }));
    const { user, router } = renderApp("/connectors");
    const heading = () => screen.getByRole("columnheader", { name: "Last successful check" });
    expect((await screen.findByRole("columnheader", { name: "Name" })).getAttribute("aria-sort")).toBe("ascending");
    await user.click(within(heading()).getByRole("link"));
    await waitFor(() => expect(router.state.location.search).toBe("?sort=lastSuccess&order=desc"));
    await waitFor(() => expect(heading().getAttribute("aria-sort")).toBe("descending"));
    expect(screen.getByRole("columnheader", { name: "Name" }).getAttribute("aria-sort")).toBeNull();
    await user.click(within(heading()).getByRole("link"));
    await waitFor(() => expect(router.state.location.search).toBe("?sort=lastSuccess&order=asc"));
  });

  it("when a search is made, then the URL keeps it with the status filter, and Clear search drops only the search", async () => {
    server.use(api.connectors({ connectors: MANY }));
    const { user, router } = renderApp("/connectors?status=connected");
    await user.type(await screen.findByRole("searchbox", { name: "Name or tenant" }), "tenant 11");
    await user.selectOptions(screen.getByRole("combobox", { name: "Environment" }), "Sandbox");
    await user.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(router.state.location.search).toBe("?status=connected&q=tenant+11&environment=sandbox"));
    await waitFor(() => expect(names()).toEqual(["Tenant 111", "Tenant 113", "Tenant 115", "Tenant 117", "Tenant 119"]));
    await user.click(screen.getByRole("link", { name: "Clear search" }));
    await waitFor(() => expect(router.state.location.search).toBe("?status=connected"));
  });

  it("when nothing matches the filters, then the page says so and offers every connector", async () => {
    server.use(api.connectors({ connectors: MANY }));
    renderApp("/connectors?status=disconnected");
    expect(await screen.findByText("No connectors have the status Disconnected.")).toBeDefined();
    expect(screen.getByRole("link", { name: "Show every connector" }).getAttribute("href")).toBe("/connectors");
  });

  it("when the API refuses the URL's filter, then its message shows instead of the error page", async () => {
    server.use(
      http.get(routes.connectors, () =>
        HttpResponse.json(
          { error: { code: "validation_failed", message: "Some fields need fixing.", fields: { status: 'Status "broken" is not one the console knows.' } } },
          { status: 400 },
        ),
      ),
    );
    renderApp("/connectors?status=broken");
    expect(await screen.findByText(/Status "broken" is not one the console knows/)).toBeDefined();
    expect(screen.getByRole("link", { name: "Show every connector" })).toBeDefined();
  });
});
