import { HANDOFF_MESSAGE_TYPE, routes, type Connector, type HandoffViewResponse } from "@wc/contracts";
import { act, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connected, makeConnector, readyToConnect } from "../../testing/fixtures";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";
import { forgetCredential } from "./credential";

const TOKEN = "T".repeat(43);
const TICKET = "R".repeat(43);
const AUTHORIZE_URL = "https://impl.workday.com/acme_impl/authorize?response_type=code&client_id=client-123&state=s";

const viewOf = (connector: Connector, phase: HandoffViewResponse["phase"] = "setup"): HandoffViewResponse => ({
  connector,
  phase,
  expiresAt: "2026-11-22T10:00:00.000Z",
  allowedWorkdayHosts: "",
});

/** The hand-off routes as the BFF answers them; each request's Authorization header is recorded. */
function serveHandoff(initial: Connector) {
  const state = { connector: initial, auth: [] as string[], bodies: [] as unknown[] };
  const seen = (request: Request) => state.auth.push(request.headers.get("authorization") ?? "");
  server.use(
    http.get(routes.handoff, ({ request }) => {
      seen(request);
      const ticket = request.headers.get("authorization") === `Handoff-Result ${TICKET}`;
      return HttpResponse.json(viewOf(state.connector, ticket ? "results" : "setup"));
    }),
    http.put(routes.handoffDetails(initial.id), async ({ request }) => {
      seen(request);
      state.bodies.push(await request.json());
      state.connector = readyToConnect({ id: initial.id, name: initial.name });
      return HttpResponse.json(viewOf(state.connector));
    }),
    http.post(routes.handoffConsent(initial.id), async ({ request }) => {
      seen(request);
      state.bodies.push(await request.json());
      return HttpResponse.json({ authorizationUrl: AUTHORIZE_URL });
    }),
    http.post(routes.handoffChecks(initial.id), ({ request }) => {
      seen(request);
      const line = JSON.stringify({ type: "done", connector: connected() });
      return new HttpResponse(`${line}\n`, { headers: { "Content-Type": "application/x-ndjson" } });
    }),
  );
  return state;
}

/** Opens the page the way the link does: the token only in the fragment. */
function openLink(fragment = TOKEN) {
  window.history.replaceState(null, "", `/handoff#${fragment}`);
  return renderApp(`/handoff#${fragment}`);
}

afterEach(() => {
  forgetCredential();
  window.history.replaceState(null, "", "/");
});

describe("hand-off page", () => {
  it("when the link is opened, then the token goes only into the Authorization header, leaves the address bar and is stored nowhere", async () => {
    const state = serveHandoff(makeConnector({ name: "Acme sandbox" }));
    openLink();
    expect(await screen.findByRole("heading", { level: 1, name: "Connect Workday – Acme sandbox" })).toBeDefined();
    await vi.waitFor(() => expect(document.title).toBe("Connect Workday – Acme sandbox · workday-connect"));
    expect(state.auth[0]).toBe(`Handoff ${TOKEN}`);
    // Dropping the fragment from the address does not read the page a second time.
    await new Promise((r) => setTimeout(r, 50));
    expect(state.auth).toHaveLength(1);
    expect(window.location.hash).toBe("");
    expect(JSON.stringify({ ...localStorage })).not.toContain(TOKEN);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(TOKEN);
    expect(document.cookie).not.toContain(TOKEN);
    expect(document.body.innerHTML).not.toContain(TOKEN);
    for (const name of ["1. Security group permissions", "2. Tenant setup", "3. Register API client", "4. Enter details", "5. Connect Workday"]) {
      expect(screen.getByRole("heading", { level: 2, name })).toBeDefined();
    }
    expect(screen.getByText("http://localhost:3000/api/oauth/connect/c1")).toBeDefined();
    expect(screen.queryByRole("navigation")).toBeNull();
    // The Workday administrator cannot give the address: the wizard's hint to do so would only confuse.
    expect(screen.queryByText(/Give your Workday address/)).toBeNull();
  });

  it.each([
    [
      410,
      "This hand-off link has already been used: Workday consent was completed with it on 21 Nov 2026, 10:00 UTC.",
      "This hand-off link can no longer be used",
    ],
    [
      410,
      "This hand-off link expired on 21 Nov 2026, 10:00 UTC. Ask the console admin who sent it for a new link.",
      "This hand-off link can no longer be used",
    ],
    [410, "This hand-off link was revoked by an admin. Ask the console admin who sent it for a new link.", "This hand-off link can no longer be used"],
    [401, "This hand-off link is not valid: check that you opened the whole link.", "This hand-off link cannot be opened"],
  ])("when the BFF answers %i, then the page says so in its words", async (status, message, title) => {
    server.use(http.get(routes.handoff, () => HttpResponse.json({ error: { code: status === 410 ? "gone" : "unauthenticated", message } }, { status })));
    openLink();
    expect(await screen.findByRole("heading", { level: 1, name: title })).toBeDefined();
    expect(screen.getByRole("alert").textContent).toBe(message);
  });

  it("when the page is opened without the token (a reload), then it asks for the link and calls nothing", async () => {
    const state = serveHandoff(makeConnector());
    renderApp("/handoff");
    expect(await screen.findByText(/This page needs the hand-off link/)).toBeDefined();
    expect(state.auth).toEqual([]);
  });

  it("when the details are saved, then they go to the hand-off route with the token, and Connect Workday opens the pop-up", async () => {
    const state = serveHandoff(makeConnector());
    const popup = { closed: false, location: { href: "" }, close: vi.fn() };
    vi.spyOn(window, "open").mockReturnValue(popup as unknown as Window);
    const { user } = openLink();
    await screen.findByRole("heading", { level: 2, name: "4. Enter details" });
    expect(screen.getByText("Save the client details above first.")).toBeDefined();
    // Pasted, as people copy these from Workday (typing them key by key takes seconds on a busy machine).
    const paste = async (field: HTMLElement, value: string) => {
      await user.click(field);
      await user.paste(value);
    };
    await paste(screen.getByRole("textbox", { name: "Client ID" }), "client-123");
    await paste(screen.getByLabelText("Client Secret"), "s3cret-value-1234");
    await paste(screen.getByRole("textbox", { name: "Workday REST API Endpoint" }), "https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl");
    await paste(screen.getByRole("textbox", { name: "Token Endpoint" }), "https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token");
    await paste(screen.getByRole("textbox", { name: "Authorization Endpoint" }), "https://impl.workday.com/acme_impl/authorize");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    await user.click(await screen.findByRole("button", { name: "Connect Workday" }));
    await vi.waitFor(() => expect(popup.location.href).toBe(AUTHORIZE_URL));
    expect(state.bodies[0]).toMatchObject({ clientId: "client-123", clientSecret: "s3cret-value-1234" });
    expect(state.bodies[1]).toEqual({ mode: "popup" });
    expect(state.auth.every((a) => a === `Handoff ${TOKEN}`)).toBe(true);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain("s3cret-value-1234");

    // The pop-up reports success with the results ticket: the page reads the results with it.
    act(() => {
      window.dispatchEvent(
        new MessageEvent("message", {
          origin: window.location.origin,
          data: { type: HANDOFF_MESSAGE_TYPE, connectorId: "c1", outcome: "success", result: TICKET },
        }),
      );
    });
    expect(await screen.findByRole("heading", { level: 2, name: "Workday was connected" })).toBeDefined();
    expect(await screen.findByText(/Status after the checks/)).toBeDefined();
    expect(state.auth.slice(-2)).toEqual([`Handoff-Result ${TICKET}`, `Handoff-Result ${TICKET}`]);
  });

  it("when a message comes from another origin, then the page ignores it", async () => {
    const state = serveHandoff(readyToConnect());
    openLink();
    await screen.findByRole("button", { name: "Connect Workday" });
    const reads = state.auth.length;
    act(() => {
      window.dispatchEvent(
        new MessageEvent("message", {
          origin: "https://evil.example",
          data: { type: HANDOFF_MESSAGE_TYPE, connectorId: "c1", outcome: "success", result: TICKET },
        }),
      );
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(state.auth.length).toBe(reads);
    expect(screen.getByRole("button", { name: "Connect Workday" })).toBeDefined();
  });

  it("when consent ends in a full-page redirect, then /handoff/complete takes the ticket from the fragment and shows the results", async () => {
    const state = serveHandoff(readyToConnect());
    window.history.replaceState(null, "", `/handoff/complete?connector=c1&outcome=success#result=${TICKET}`);
    renderApp(`/handoff/complete?connector=c1&outcome=success#result=${TICKET}`);
    expect(await screen.findByRole("heading", { level: 2, name: "Workday was connected" })).toBeDefined();
    expect(window.location.hash).toBe("");
    expect(state.auth[0]).toBe(`Handoff-Result ${TICKET}`);
  });

  it("when consent was denied in a full-page redirect, then /handoff/complete explains the reason and how to retry", async () => {
    renderApp("/handoff/complete?connector=c1&outcome=error&reason=access_denied");
    expect(await screen.findByRole("heading", { level: 1, name: "Workday consent did not complete" })).toBeDefined();
    expect(screen.getByText(/Open the hand-off link again/)).toBeDefined();
  });
});
