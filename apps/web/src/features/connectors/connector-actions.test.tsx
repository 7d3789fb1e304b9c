import { CSRF_HEADER, routes, type Connector } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { connected } from "../../testing/fixtures";
import { recorder } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const DISCONNECTED =
  "Tokens deleted. To also remove the refresh token in Workday: View API Clients → API Clients for Integrations → the client → Manage Refresh Tokens for Integrations.";
const REACHED = "The Redirection URI reaches this console.";

/** The sticky header (the page's banner landmark is the app's; this one is inside main). */
const header = () => screen.getByRole("heading", { level: 1 }).closest("header") as HTMLElement;
const moreActions = () => within(header()).getByRole("button", { name: /More actions/ });

/** Serves the connector, re-read on every GET. */
function serve(initial: Connector) {
  const state = { connector: initial };
  server.use(http.get(routes.connector(initial.id), () => HttpResponse.json({ connector: state.connector, timeline: [] })));
  return state;
}

async function openPage(connector: Connector = connected()) {
  const state = serve(connector);
  const view = renderApp(`/connectors/${connector.id}`);
  await screen.findByRole("button", { name: /More actions/ });
  return { state, ...view };
}

/** The Redirection URI's callback answering the self-test from this browser. */
function selfTestAnswers(redirectUri: string, answer: () => Response) {
  const seen: URL[] = [];
  server.use(
    http.get(redirectUri, ({ request }) => {
      seen.push(new URL(request.url));
      return answer();
    }),
  );
  return seen;
}

describe("connector page: the header's actions", () => {
  it("when an admin opens a connected connector, then the header has Run checks now, Reconnect and a closed menu with Edit details, Disconnect and Delete", async () => {
    const { user } = await openPage();
    expect(within(header()).getByText("Connected")).toBeDefined();
    expect(within(header()).getByRole("button", { name: "Run checks now" })).toBeDefined();
    expect(within(header()).getByRole("button", { name: "Reconnect" })).toBeDefined();
    expect(moreActions().getAttribute("aria-expanded")).toBe("false");
    expect(within(header()).queryByRole("link", { name: "Edit details" })).toBeNull();
    await user.click(moreActions());
    expect(moreActions().getAttribute("aria-expanded")).toBe("true");
    expect(within(header()).getByRole("link", { name: "Edit details" }).getAttribute("href")).toBe("/connectors/c1/setup?step=details");
    expect(within(header()).getByRole("button", { name: "Disconnect" })).toBeDefined();
    expect(within(header()).getByRole("button", { name: "Delete connector" })).toBeDefined();
    const download = screen.getByRole("link", { name: "Download diagnostics" });
    expect(download.getAttribute("href")).toBe(routes.connectorDiagnostics("c1"));
    expect(download.hasAttribute("download")).toBe(true);
  });

  it("when Escape is pressed in the open menu, then it closes and focus returns to its button", async () => {
    const { user } = await openPage();
    await user.click(moreActions());
    await user.tab();
    expect(document.activeElement?.textContent).toBe("Edit details");
    await user.keyboard("{Escape}");
    expect(moreActions().getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(moreActions());
  });

  it("when the page opens, then the header's polite live region says the status in words", async () => {
    await openPage();
    expect(header().querySelector(".connector-header-status")?.getAttribute("role")).toBe("status");
    expect(header().querySelector(".connector-header-status")?.textContent).toBe("Status: Connected");
  });

  it("when Disconnect is confirmed, then the tokens are deleted and the page says how to remove the refresh token in Workday", async () => {
    const { state, user } = await openPage();
    const { calls, record } = recorder();
    server.use(
      http.post(routes.connectorDisconnect("c1"), async ({ request }) => {
        await record(request);
        state.connector = connected({ status: "disconnected", reasonCode: "disconnected_by_admin" });
        return HttpResponse.json({ connector: state.connector });
      }),
    );
    const confirm = vi.fn(() => true);
    vi.stubGlobal("confirm", confirm);
    await user.click(moreActions());
    await user.click(within(header()).getByRole("button", { name: "Disconnect" }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^Disconnect "Acme sandbox"\?/));
    expect(await screen.findByText(DISCONNECTED)).toBeDefined();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers.get(CSRF_HEADER)).toBe("1");
    expect(within(screen.getByRole("region", { name: "Status" })).getByText("Disconnected")).toBeDefined();
    expect(screen.queryByRole("button", { name: "Disconnect" })).toBeNull();
  });

  it("when Disconnect is not confirmed, then nothing is sent", async () => {
    const { user } = await openPage();
    const { calls, record } = recorder();
    server.use(
      http.post(routes.connectorDisconnect("c1"), async ({ request }) => {
        await record(request);
        return HttpResponse.json({ connector: connected() });
      }),
    );
    vi.stubGlobal("confirm", () => false);
    await user.click(moreActions());
    await user.click(within(header()).getByRole("button", { name: "Disconnect" }));
    expect(calls).toHaveLength(0);
    expect(screen.queryByText(DISCONNECTED)).toBeNull();
  });
});

describe("connector page: Test redirect URI", () => {
  it("when the Redirection URI answers as this console, then it says so", async () => {
    const seen = selfTestAnswers("http://localhost:3000/api/oauth/connect/c1", () => HttpResponse.json({ selftest: "workday-connect", connectorId: "c1" }));
    const { user } = await openPage();
    await user.click(screen.getByRole("button", { name: "Test redirect URI" }));
    expect(await screen.findByText(REACHED)).toBeDefined();
    expect(seen[0]?.searchParams.get("selftest")).toBe("1");
  });

  it("when the Redirection URI lands elsewhere on this origin, then it says to check PUBLIC_URL and the proxy, without an origin hint", async () => {
    selfTestAnswers("http://localhost:3000/api/oauth/connect/c1", () => new HttpResponse("<html>Not found</html>", { status: 404 }));
    const { user } = await openPage();
    await user.click(screen.getByRole("button", { name: "Test redirect URI" }));
    expect(
      await screen.findByText("This browser cannot reach http://localhost:3000/api/oauth/connect/c1 as this console: check PUBLIC_URL and your reverse proxy."),
    ).toBeDefined();
    expect(screen.queryByText(/You are using the console at/)).toBeNull();
    expect(screen.queryByText(REACHED)).toBeNull();
  });

  it("when the Redirection URI answers for another connector, then it counts as not reaching this console", async () => {
    selfTestAnswers("http://localhost:3000/api/oauth/connect/c1", () => HttpResponse.json({ selftest: "workday-connect", connectorId: "c9" }));
    const { user } = await openPage();
    await user.click(screen.getByRole("button", { name: "Test redirect URI" }));
    expect(await screen.findByText(/^This browser cannot reach/)).toBeDefined();
  });

  it("when PUBLIC_URL names another origin and it cannot be reached, then both messages show", async () => {
    const redirectUri = "https://connect.example.com/api/oauth/connect/c1";
    selfTestAnswers(redirectUri, () => HttpResponse.error());
    const { user } = await openPage(connected({ redirectUri }));
    await user.click(screen.getByRole("button", { name: "Test redirect URI" }));
    expect(await screen.findByText(`This browser cannot reach ${redirectUri} as this console: check PUBLIC_URL and your reverse proxy.`)).toBeDefined();
    expect(screen.getByText(`You are using the console at ${window.location.origin}, but PUBLIC_URL says https://connect.example.com.`)).toBeDefined();
  });
});
