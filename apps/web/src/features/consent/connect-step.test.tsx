import { CONSENT_MESSAGE_TYPE, routes, type Connector } from "@wc/contracts";
import { TROUBLESHOOTING } from "@wc/workday";
import { act, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { connected, readyToConnect } from "../../testing/fixtures";
import { api, recorder } from "../../testing/handlers";
import { checksStream } from "../../testing/ndjson";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";
import { REFUSED_MESSAGE } from "./refused-message";

const AUTHORIZE_URL = "https://impl.workday.com/acme_impl/authorize?response_type=code&client_id=client-123&state=s";

function fakePopup() {
  const popup = { closed: false, location: { href: "" }, close: vi.fn(() => void (popup.closed = true)) };
  return popup;
}

/** Serves the connector (re-read on every GET) and counts the reads; Done's live checks pass. */
function serveConnector(initial: Connector) {
  const state = { connector: initial, reads: 0 };
  server.use(
    http.get(routes.connector(initial.id), () => {
      state.reads++;
      return HttpResponse.json({ connector: state.connector, timeline: [] });
    }),
    checksStream(initial.id, [{ type: "done", connector: connected() }]),
  );
  return state;
}

async function startInPopup() {
  const popup = fakePopup();
  const open = vi.spyOn(window, "open").mockReturnValue(popup as unknown as Window);
  const { calls, record } = recorder();
  server.use(api.consent(AUTHORIZE_URL, record));
  const state = serveConnector(readyToConnect());
  const view = renderApp("/connectors/c1/setup?step=connect");
  expect(await screen.findByText(/A Workday window opens/)).toBeDefined();
  await view.user.click(screen.getByRole("button", { name: "Connect Workday" }));
  await vi.waitFor(() => expect(popup.location.href).toBe(AUTHORIZE_URL));
  return { popup, open, calls, state, ...view };
}

function post(data: unknown, origin: string) {
  act(() => {
    window.dispatchEvent(new MessageEvent("message", { data, origin }));
  });
}

describe("wizard: Connect", () => {
  it("when Connect Workday is selected, then a pop-up opens at once and is sent to the authorization URL", async () => {
    const { open, calls } = await startInPopup();
    expect(open).toHaveBeenCalledWith("", "workday-consent", "popup,width=720,height=760");
    expect(calls[0]?.body).toEqual({ mode: "popup" });
    expect(screen.getByText(/^Waiting for Workday…/)).toBeDefined();
    expect(screen.getByText(/your tenant uses SAML SSO/)).toBeDefined();
  });

  it("when a message comes from another origin, another connector or in another shape, then it is ignored", async () => {
    const { state } = await startInPopup();
    const readsBefore = state.reads;
    state.connector = connected();
    post({ type: CONSENT_MESSAGE_TYPE, connectorId: "c1" }, "https://evil.example");
    post({ type: CONSENT_MESSAGE_TYPE, connectorId: "c2" }, window.location.origin);
    post({ type: "something-else", connectorId: "c1" }, window.location.origin);
    post("workday-connect:consent-finished", window.location.origin);
    await new Promise((r) => setTimeout(r, 50));
    expect(state.reads).toBe(readsBefore);
    expect(screen.getByText(/^Waiting for Workday…/)).toBeDefined();
  });

  it("when the pop-up reports from our origin, then the connector is re-read and success opens Done", async () => {
    const { state, router } = await startInPopup();
    state.connector = connected();
    post({ type: CONSENT_MESSAGE_TYPE, connectorId: "c1" }, window.location.origin);
    expect(await screen.findByRole("heading", { name: "Workday was successfully connected" })).toBeDefined();
    expect(screen.getByText("Connected")).toBeDefined();
    expect(screen.getByText("acme_impl")).toBeDefined();
    expect(screen.getByRole("link", { name: "Go to connector" }).getAttribute("href")).toBe("/connectors/c1");
    expect(router.state.location.search).toBe("?step=done");
  });

  it("when the pop-up reports that Workday's answer was refused at the state check, then why shows with Try again, without a re-read", async () => {
    const { state, popup } = await startInPopup();
    const readsBefore = state.reads;
    post({ type: CONSENT_MESSAGE_TYPE, connectorId: "c1", refused: true }, window.location.origin);
    popup.closed = true;
    expect(await screen.findByText(REFUSED_MESSAGE)).toBeDefined();
    expect(screen.getByRole("button", { name: "Try again" })).toBeDefined();
    await new Promise((r) => setTimeout(r, 1500));
    expect(screen.queryByText(TROUBLESHOOTING.popup_closed.title)).toBeNull();
    expect(state.reads).toBe(readsBefore);
  });

  it("when the pop-up is closed without a message, then popup_closed is announced and focused, with Try again and Continue in this window", async () => {
    const { popup, user, calls } = await startInPopup();
    popup.closed = true;
    expect(await screen.findByText(TROUBLESHOOTING.popup_closed.title, {}, { timeout: 3000 })).toBeDefined();
    // Focus moves in an effect after the alert renders: wait for it rather than race it.
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole("alert")));
    expect(screen.getByRole("button", { name: "Try again" })).toBeDefined();
    const assign = vi.spyOn(window.location, "assign").mockImplementation(() => undefined);
    await user.click(screen.getByRole("button", { name: "Continue in this window" }));
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith(AUTHORIZE_URL));
    expect(calls.at(-1)?.body).toEqual({ mode: "redirect" });
    expect(screen.getByText("Opening Workday in this window…")).toBeDefined();
  });

  it("when the pop-up loses its link to us but the server shows the consent finished, then the result is shown, not popup_closed", async () => {
    const { popup, state, router } = await startInPopup();
    state.connector = connected();
    popup.closed = true;
    await vi.waitFor(() => expect(router.state.location.search).toBe("?step=done"), { timeout: 3000 });
    expect(screen.queryByText(TROUBLESHOOTING.popup_closed.title)).toBeNull();
  });

  it("when Cancel is selected while waiting, then the pop-up closes and Connect Workday returns", async () => {
    const { popup, user } = await startInPopup();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(popup.close).toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Connect Workday" })).toBeDefined();
  });

  it("when the pop-up is blocked, then consent starts in redirect mode in this window", async () => {
    vi.spyOn(window, "open").mockReturnValue(null);
    const assign = vi.spyOn(window.location, "assign").mockImplementation(() => undefined);
    const { calls, record } = recorder();
    server.use(api.consent(AUTHORIZE_URL, record));
    serveConnector(readyToConnect());
    const { user } = renderApp("/connectors/c1/setup?step=connect");
    await user.click(await screen.findByRole("button", { name: "Connect Workday" }));
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith(AUTHORIZE_URL));
    expect(calls[0]?.body).toEqual({ mode: "redirect" });
    expect(screen.getByText(/^Your browser blocked the pop-up, so Workday opens in this window/)).toBeDefined();
  });

  it("when consent worked but the checks need action, then every failing reason shows with Run checks now and Go to connector", async () => {
    const at = "2026-11-21T10:00:00.000Z";
    const failed = (id: "workers" | "activity_logging", reasonCode: string) => ({ id, ok: false, skipped: false, reasonCode, detail: null, at, durationMs: 5 });
    serveConnector(
      connected({
        status: "action_required",
        reasonCode: "permission_worker_data",
        lastConsent: { outcome: "success", reasonCode: null, detail: null, at },
        lastChecks: [failed("workers", "permission_worker_data"), failed("activity_logging", "permission_system_auditing")],
      }),
    );
    renderApp("/connectors/c1/setup?step=connect");
    expect(await screen.findByText(TROUBLESHOOTING.permission_worker_data.title)).toBeDefined();
    expect(screen.getByText(TROUBLESHOOTING.permission_system_auditing.title)).toBeDefined();
    expect(screen.getByRole("button", { name: "Run checks now" })).toBeDefined();
    expect(screen.getByRole("link", { name: "Go to connector" }).getAttribute("href")).toBe("/connectors/c1");
    expect(screen.getByRole("button", { name: "Connect again" })).toBeDefined();
  });

  it("when starting consent fails, then the pop-up closes and the server's message shows with Try again", async () => {
    const popup = fakePopup();
    vi.spyOn(window, "open").mockReturnValue(popup as unknown as Window);
    server.use(api.error("post", routes.connectorConsent("c1"), 409, { code: "conflict", message: "Save the details before connecting.", requestId: "r-3" }));
    serveConnector(readyToConnect());
    const { user } = renderApp("/connectors/c1/setup?step=connect");
    await user.click(await screen.findByRole("button", { name: "Connect Workday" }));
    expect(await screen.findByText("Save the details before connecting.")).toBeDefined();
    expect(popup.close).toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Try again" })).toBeDefined();
  });

  it("when the last consent failed, then its troubleshooting entry, Workday's detail, Go to field and Try again show", async () => {
    const at = "2026-11-21T10:00:00.000Z";
    serveConnector(
      readyToConnect({ reasonCode: "invalid_client", lastConsent: { outcome: "error", reasonCode: "invalid_client", detail: "invalid_client", at } }),
    );
    const { user } = renderApp("/connectors/c1/setup?step=connect");
    const entry = TROUBLESHOOTING.invalid_client;
    const help = await screen.findByRole("alert");
    expect(within(help).getByRole("heading", { name: entry.title })).toBeDefined();
    await vi.waitFor(() => expect(document.activeElement).toBe(help));
    expect(within(help).getByText(entry.meaning)).toBeDefined();
    expect(within(help).getByText("Workday said: invalid_client")).toBeDefined();
    for (const step of entry.steps) expect(within(help).getByText(step)).toBeDefined();
    expect(screen.getByRole("button", { name: "Try again" })).toBeDefined();
    await user.click(within(help).getByRole("link", { name: "Go to Client Secret" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Enter details" })).toBeDefined();
    // The field is focused by an effect after the step renders: wait for it rather than race it.
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Client Secret")));
  });
});
