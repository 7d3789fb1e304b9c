import { CSRF_HEADER, routes, type SetupRequest } from "@wc/contracts";
import { render, screen } from "@testing-library/react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { routeObjects } from "../../app/router";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { sessionFor, signedOut } from "../../testing/fixtures";
import { api, recorder } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

/** A fresh install: nobody signed in and setup required, until POST /api/auth/setup succeeds. */
function freshInstall() {
  const state = { session: signedOut({ setupRequired: true }) };
  const { calls, record } = recorder();
  server.use(
    http.get(routes.session, () => HttpResponse.json(state.session)),
    http.post<never, SetupRequest>(routes.setup, async ({ request }) => {
      await record(request);
      state.session = sessionFor("admin");
      return HttpResponse.json(state.session);
    }),
    api.connectors({ connectors: [] }),
  );
  return { calls };
}

async function fillIn(user: ReturnType<typeof renderApp>["user"], password = "a-long-enough-password") {
  await user.type(await screen.findByRole("textbox", { name: "Your name" }), "Ada Admin");
  await user.type(screen.getByRole("textbox", { name: "Email" }), "admin@example.com");
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Create admin account" }));
}

describe("first-admin setup", () => {
  it("when the link carries #token, then the fragment leaves the address at once and the token is sent with the form", async () => {
    const { calls } = freshInstall();
    const { user, router } = renderApp("/setup#token=one-time-abc");
    expect(await screen.findByRole("textbox", { name: "Your name" })).toBeDefined();
    await vi.waitFor(() => expect(router.state.location.hash).toBe(""));
    expect(router.state.location.pathname).toBe("/setup");
    expect(router.state.historyAction).toBe("REPLACE");
    expect(screen.getByText("At least 12 characters")).toBeDefined();
    await fillIn(user);
    expect(await screen.findByRole("heading", { name: "App Connectors" })).toBeDefined();
    expect(router.state.location.pathname).toBe("/connectors");
    expect(calls[0]?.body).toEqual({ token: "one-time-abc", name: "Ada Admin", email: "admin@example.com", password: "a-long-enough-password" });
    expect(calls[0]?.headers.get(CSRF_HEADER)).toBe("1");
  });

  it("when the link is opened in the browser, then the address bar loses the fragment without a new history entry", async () => {
    freshInstall();
    window.history.replaceState(null, "", "/setup#token=one-time-abc");
    const length = window.history.length;
    const router = createBrowserRouter(routeObjects);
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole("textbox", { name: "Your name" })).toBeDefined();
    await vi.waitFor(() => expect(window.location.hash).toBe(""));
    expect(window.location.pathname).toBe("/setup");
    expect(window.history.length).toBe(length);
    router.dispose();
  });

  it("when the server refuses the token, then its message shows in an alert and the page stays", async () => {
    freshInstall();
    server.use(api.error("post", routes.setup, 400, { code: "validation_failed", message: "This setup link was already used or is wrong." }));
    const { user, router } = renderApp("/setup#token=used");
    await fillIn(user);
    expect((await screen.findByRole("alert")).textContent).toBe("This setup link was already used or is wrong.");
    expect(router.state.location.pathname).toBe("/setup");
  });

  it("when the server says the email is invalid, then its message shows by the Email field", async () => {
    freshInstall();
    server.use(
      api.error("post", routes.setup, 400, { code: "validation_failed", message: "Some fields need fixing.", fields: { email: "This email cannot be used." } }),
    );
    const { user } = renderApp("/setup#token=abc");
    await fillIn(user);
    expect(await screen.findByText("This email cannot be used.")).toBeDefined();
    expect(screen.getByRole("textbox", { name: "Email" }).getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Some fields need fixing.")).toBeDefined();
  });

  it("when the password is too short, then the Password field says so and nothing is sent", async () => {
    const { calls } = freshInstall();
    const { user } = renderApp("/setup#token=abc");
    await fillIn(user, "short");
    expect((await screen.findByRole("alert")).textContent).toBe("Use at least 12 characters.");
    expect(calls).toHaveLength(0);
  });

  it("when the link has no token, then the page says the link is incomplete and shows no form", async () => {
    freshInstall();
    renderApp("/setup");
    expect((await screen.findByRole("alert")).textContent).toBe("The setup link is incomplete: open the link printed in the console's log when it started.");
    expect(screen.queryByRole("button", { name: "Create admin account" })).toBeNull();
  });

  it("when setup was already done, then the page says so and links to sign in", async () => {
    server.use(api.signedOut());
    renderApp("/setup#token=abc");
    expect(await screen.findByText("Setup is already done: an account exists.")).toBeDefined();
    expect(screen.getByRole("link", { name: "Go to sign in" }).getAttribute("href")).toBe("/sign-in");
  });
});
