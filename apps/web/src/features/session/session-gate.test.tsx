import { CSRF_HEADER, routes } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { fakeSessionApi } from "../../testing/fake-session-api";
import { connected, makeConnector, sessionFor, signedOut, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const SIGNED_OUT = { code: "unauthenticated", message: "Sign in to continue." };

describe("sign-in gate", () => {
  it("when nobody is signed in, then a page sends the reader to sign-in with that page (and its query) as returnTo", async () => {
    // The BFF refuses the page's own call too; the loaders run side by side.
    server.use(api.signedOut(), api.error("get", routes.connectors, 401, SIGNED_OUT));
    const { router } = renderApp("/connectors?status=degraded");
    expect(await screen.findByRole("heading", { name: "Sign in to workday-connect" })).toBeDefined();
    expect(router.state.location.pathname).toBe("/sign-in");
    expect(new URLSearchParams(router.state.location.search).get("returnTo")).toBe("/connectors?status=degraded");
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
  });

  it("when a loader gets 401 because the session ended, then it goes to sign-in and comes back after signing in", async () => {
    const { state } = fakeSessionApi({ initial: sessionFor("admin"), password: "correct-horse-battery" });
    server.use(
      api.connectors({ connectors: [toSummary(connected())] }),
      http.get(routes.connector("c1"), () =>
        state.session.user ? HttpResponse.json({ connector: connected(), timeline: [] }) : HttpResponse.json({ error: SIGNED_OUT }, { status: 401 }),
      ),
    );
    const { router, user } = renderApp("/connectors");
    await screen.findByRole("heading", { name: "App Connectors" });
    state.session = signedOut(); // ended on the server (idle timeout, or an admin ended it)
    await user.click(screen.getByRole("link", { name: "Acme sandbox" }));
    expect(await screen.findByRole("heading", { name: "Sign in to workday-connect" })).toBeDefined();
    expect(router.state.location.search).toBe("?returnTo=%2Fconnectors%2Fc1");
    await user.type(screen.getByRole("textbox", { name: "Email" }), "admin@example.com");
    await user.type(screen.getByLabelText("Password"), "correct-horse-battery");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("heading", { name: "Acme sandbox", level: 1 })).toBeDefined();
  });

  it("when an action gets 401, then it goes to sign-in instead of showing an error", async () => {
    server.use(
      api.connectors({ connectors: [toSummary(makeConnector({ id: "d1", name: "Acme draft" }))] }),
      api.error("delete", routes.connector("d1"), 401, SIGNED_OUT),
    );
    vi.stubGlobal("confirm", () => true);
    const { router, user } = renderApp("/connectors");
    const row = (await screen.findByText("Acme draft")).closest("tr");
    if (!row) throw new Error("no row");
    server.use(api.signedOut());
    await user.click(within(row).getByRole("button", { name: "Discard" }));
    expect(await screen.findByRole("heading", { name: "Sign in to workday-connect" })).toBeDefined();
    expect(new URLSearchParams(router.state.location.search).get("returnTo")).toBe("/connectors");
    expect(screen.queryByText("Sign in to continue.")).toBeNull();
  });

  it("when sign-in, setup or the consent pop-up's page is opened signed out, then it is not sent to sign-in", async () => {
    server.use(api.signedOut({ setupRequired: true }));
    const { router } = renderApp("/setup#token=abc");
    expect(await screen.findByRole("heading", { name: "Set up workday-connect" })).toBeDefined();
    expect(router.state.location.pathname).toBe("/setup");
  });
});

describe("top bar", () => {
  it("when an admin is signed in, then it names them and their role, and links App Connectors, Activity, Alerts, Policies, Users, Audit log, API tokens, Notifications and Account", async () => {
    server.use(api.connectors({ connectors: [] }));
    renderApp("/connectors");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((l) => l.textContent),
    ).toEqual(["App Connectors", "Activity", "Alerts", "Policies", "Users", "Audit log", "API tokens", "Notifications", "Account"]);
    expect(screen.getByText(/Signed in as Ada Admin/).textContent).toBe("Signed in as Ada Admin Admin");
    expect(screen.getByRole("button", { name: "Sign out" })).toBeDefined();
  });

  it("when support staff are signed in, then there are no Users, Audit log or API tokens links, Alerts, Policies and Notifications are there, and the role says read-only", async () => {
    server.use(api.session("support"), api.connectors({ connectors: [] }));
    renderApp("/connectors");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((l) => l.textContent),
    ).toEqual(["App Connectors", "Activity", "Alerts", "Policies", "Notifications", "Account"]);
    expect(screen.getByText("Support (read-only)")).toBeDefined();
  });

  it("when Sign out is selected, then the session ends with the CSRF header and App Connectors needs sign-in again", async () => {
    const { calls } = fakeSessionApi({ initial: sessionFor("admin") });
    server.use(api.connectors({ connectors: [] }));
    const { user, router } = renderApp("/connectors");
    await user.click(await screen.findByRole("button", { name: "Sign out" }));
    expect(await screen.findByRole("heading", { name: "Sign in to workday-connect" })).toBeDefined();
    expect(calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get(CSRF_HEADER)])).toEqual([["POST", routes.signOut, "1"]]);
    await router.navigate("/connectors");
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeDefined();
    expect(router.state.location.pathname).toBe("/sign-in");
  });
});

describe("account page", () => {
  async function changePassword(user: ReturnType<typeof renderApp>["user"], current: string, next: string) {
    await user.type(await screen.findByLabelText("Current password"), current);
    await user.type(screen.getByLabelText("New password"), next);
    await user.click(screen.getByRole("button", { name: "Change password" }));
  }

  it("when the current password is right, then the new one is sent and the page says it was changed", async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(routes.sessionPassword, async ({ request }) => {
        bodies.push(await request.json());
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp("/account");
    await changePassword(user, "old-password", "a-new-long-password");
    expect(await screen.findByText("Your password was changed.")).toBeDefined();
    expect(bodies).toEqual([{ currentPassword: "old-password", newPassword: "a-new-long-password" }]);
    expect(screen.getByLabelText<HTMLInputElement>("New password").value).toBe("");
  });

  it("when the current password is wrong (401), then the message shows and the user stays signed in", async () => {
    server.use(api.error("post", routes.sessionPassword, 401, { code: "unauthenticated", message: "The current password is not right." }));
    const { user, router } = renderApp("/account");
    await changePassword(user, "wrong-password", "a-new-long-password");
    expect((await screen.findByRole("alert")).textContent).toBe("The current password is not right.");
    expect(router.state.location.pathname).toBe("/account");
  });

  it("when the new password is too short, then the field says so", async () => {
    const { user } = renderApp("/account");
    await changePassword(user, "old-password", "short");
    expect((await screen.findByRole("alert")).textContent).toBe("Use at least 12 characters.");
  });
});
