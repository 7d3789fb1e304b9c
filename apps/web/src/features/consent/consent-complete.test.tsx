import { CONSENT_MESSAGE_TYPE } from "@wc/contracts";
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { readyToConnect } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";
import { REFUSED_MESSAGE } from "./refused-message";

function stubOpener(opener: unknown) {
  vi.stubGlobal("opener", opener);
}

describe("/oauth/complete", () => {
  it("when a same-origin opener exists, then it is told (exact target origin) and the pop-up closes", async () => {
    const postMessage = vi.fn();
    stubOpener({ closed: false, postMessage, location: { origin: window.location.origin } });
    const close = vi.spyOn(window, "close").mockImplementation(() => undefined);
    renderApp("/oauth/complete?connector=c1");
    expect(await screen.findByRole("heading", { name: "Finishing…" })).toBeDefined();
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(postMessage).toHaveBeenCalledWith({ type: CONSENT_MESSAGE_TYPE, connectorId: "c1" }, window.location.origin);
  });

  it("when there is no opener, then the wizard's connect step opens to show the result", async () => {
    stubOpener(null);
    server.use(api.connector(readyToConnect()));
    const { router } = renderApp("/oauth/complete?connector=c1");
    expect(await screen.findByRole("heading", { level: 2, name: "Connect" })).toBeDefined();
    expect(router.state.location.pathname + router.state.location.search).toBe("/connectors/c1/setup?step=connect");
  });

  it("when the opener is on another origin, then nothing is posted and the connect step opens", async () => {
    const postMessage = vi.fn();
    stubOpener({
      closed: false,
      postMessage,
      get location(): never {
        throw new DOMException("Blocked a frame with origin", "SecurityError");
      },
    });
    server.use(api.connector(readyToConnect()));
    renderApp("/oauth/complete?connector=c1");
    expect(await screen.findByRole("heading", { level: 2, name: "Connect" })).toBeDefined();
    expect(postMessage).not.toHaveBeenCalled();
  });

  it("when Workday's answer was refused at the state check, then the opener is told so", async () => {
    const postMessage = vi.fn();
    stubOpener({ closed: false, postMessage, location: { origin: window.location.origin } });
    const close = vi.spyOn(window, "close").mockImplementation(() => undefined);
    renderApp("/oauth/complete?connector=c1&refused=state");
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(postMessage).toHaveBeenCalledWith({ type: CONSENT_MESSAGE_TYPE, connectorId: "c1", refused: true }, window.location.origin);
  });

  it("when Workday's answer was refused and there is no opener, then the page says why and links back to the setup", async () => {
    stubOpener(null);
    const { router } = renderApp("/oauth/complete?connector=c1&refused=state");
    expect((await screen.findByRole("alert")).textContent).toBe(REFUSED_MESSAGE);
    expect(screen.getByRole("link", { name: "Back to the setup" }).getAttribute("href")).toBe("/connectors/c1/setup?step=connect");
    expect(router.state.location.pathname).toBe("/oauth/complete");
  });

  it("when the connector is missing from the address, then the page says so instead of staying blank", async () => {
    stubOpener(null);
    renderApp("/oauth/complete");
    expect(await screen.findByText(/opened without a connector/)).toBeDefined();
  });
});
