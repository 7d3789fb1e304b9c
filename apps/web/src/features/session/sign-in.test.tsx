import { CSRF_HEADER, routes } from "@wc/contracts";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeSessionApi } from "../../testing/fake-session-api";
import { connected, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const PASSWORD = "correct-horse-battery";

async function signInWith(user: ReturnType<typeof renderApp>["user"], email: string, password: string) {
  await user.type(await screen.findByRole("textbox", { name: "Email" }), email);
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("sign-in page", () => {
  it("when the email and password are right, then it signs in with the CSRF header and opens the page it came from", async () => {
    const { calls } = fakeSessionApi({ password: PASSWORD });
    server.use(api.connector(connected()));
    const { user, router } = renderApp("/sign-in?returnTo=%2Fconnectors%2Fc1");
    expect(await screen.findByRole("heading", { name: "Sign in to workday-connect" })).toBeDefined();
    await signInWith(user, "Admin@Example.com ", PASSWORD);
    expect(await screen.findByRole("heading", { name: "Acme sandbox", level: 1 })).toBeDefined();
    expect(router.state.location.pathname).toBe("/connectors/c1");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toEqual({ email: "admin@example.com", password: PASSWORD });
    expect(calls[0]?.headers.get(CSRF_HEADER)).toBe("1");
    expect(screen.getByText(/Signed in as Ada Admin/)).toBeDefined();
  });

  it("when the password is wrong, then the API's message shows in an alert and the page stays", async () => {
    fakeSessionApi({ password: PASSWORD });
    const { user, router } = renderApp("/sign-in");
    await signInWith(user, "admin@example.com", "not-the-password");
    expect((await screen.findByRole("alert")).textContent).toBe("Email or password is incorrect.");
    expect(router.state.location.pathname).toBe("/sign-in");
  });

  it("when sign-in is rate limited, then the API's message shows in an alert", async () => {
    fakeSessionApi();
    server.use(api.error("post", routes.signIn, 429, { code: "rate_limited", message: "Too many sign-in attempts. Try again in 15 minutes." }));
    const { user } = renderApp("/sign-in");
    await signInWith(user, "admin@example.com", PASSWORD);
    expect((await screen.findByRole("alert")).textContent).toBe("Too many sign-in attempts. Try again in 15 minutes.");
  });

  it("when the email is not an address and the password is empty, then each field says how to fix it and nothing is sent", async () => {
    const { calls } = fakeSessionApi();
    const { user } = renderApp("/sign-in");
    await user.type(await screen.findByRole("textbox", { name: "Email" }), "admin");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    const alerts = await screen.findAllByRole("alert");
    expect(alerts.map((a) => a.textContent)).toEqual(["Enter an email address like name@example.com.", "Enter your password."]);
    expect(calls).toHaveLength(0);
  });

  it.each([["//evil.example/connectors"], ["https://evil.example/connectors"], ["/\\evil.example"], ["javascript:alert(1)"], ["/api/users"]])(
    "when returnTo is %s, then sign-in lands on App Connectors instead",
    async (returnTo) => {
      fakeSessionApi({ password: PASSWORD });
      server.use(api.connectors({ connectors: [toSummary(connected())] }));
      const { user, router } = renderApp(`/sign-in?${new URLSearchParams({ returnTo }).toString()}`);
      await signInWith(user, "admin@example.com", PASSWORD);
      expect(await screen.findByRole("heading", { name: "App Connectors" })).toBeDefined();
      expect(router.state.location.pathname).toBe("/connectors");
    },
  );

  it("when someone already signed in opens sign-in, then it offers Continue to returnTo instead of redirecting (no loop)", async () => {
    server.use(api.connectors({ connectors: [] }));
    const { router, user } = renderApp("/sign-in?returnTo=%2Fconnectors%3Fstatus%3Ddegraded");
    expect(await screen.findByText("You are signed in as Ada Admin.")).toBeDefined();
    expect(screen.queryByRole("button", { name: "Sign in" })).toBeNull();
    await user.click(screen.getByRole("link", { name: "Continue" }));
    expect(await screen.findByRole("heading", { name: "App Connectors" })).toBeDefined();
    expect(router.state.location.search).toBe("?status=degraded");
  });

  it("when single sign-on is enabled, then a full-page link named after the provider starts it with the safe returnTo", async () => {
    server.use(api.signedOut({ sso: { enabled: true, label: "Okta" } }));
    renderApp("/sign-in?returnTo=%2Fconnectors%2Fc1");
    const link = await screen.findByRole("link", { name: "Sign in with Okta" });
    expect(link.getAttribute("href")).toBe("/api/auth/sso/start?returnTo=%2Fconnectors%2Fc1");
  });

  it("when single sign-on has no label, then the link says single sign-on and an unsafe returnTo becomes /connectors", async () => {
    server.use(api.signedOut({ sso: { enabled: true, label: "" } }));
    renderApp("/sign-in?returnTo=%2F%2Fevil.example");
    const link = await screen.findByRole("link", { name: "Sign in with single sign-on" });
    expect(link.getAttribute("href")).toBe("/api/auth/sso/start?returnTo=%2Fconnectors");
  });

  it("when single sign-on is off, then no single sign-on link shows", async () => {
    server.use(api.signedOut());
    renderApp("/sign-in");
    await screen.findByRole("heading", { name: "Sign in to workday-connect" });
    expect(screen.queryByRole("link", { name: /^Sign in with/ })).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("when single sign-on failed, then the BFF's ?error= message shows in an alert", async () => {
    server.use(api.signedOut({ sso: { enabled: true, label: "Okta" } }));
    renderApp("/sign-in?error=Your%20account%20is%20not%20allowed%20to%20use%20this%20console.");
    expect((await screen.findByRole("alert")).textContent).toBe("Your account is not allowed to use this console.");
  });

  it("when no account exists yet, then the page points to the setup link in the console's log", async () => {
    server.use(api.signedOut({ setupRequired: true }));
    renderApp("/sign-in");
    expect(await screen.findByText("No account exists yet. Open the one-time setup link printed in the console's log when it started.")).toBeDefined();
  });
});
