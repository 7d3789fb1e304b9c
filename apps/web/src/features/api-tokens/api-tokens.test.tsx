import { CSRF_HEADER, routes, type ApiToken, type CreateApiTokenRequest } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { makeApiToken } from "../../testing/fixtures";
import { api, recorder } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { storedText } from "../../testing/stored-text";
import { server } from "../../testing/server";

const SECRET = `wct_${"s3cr3t".repeat(7)}x`;
const used = makeApiToken({ id: "t2", name: "Nightly export", role: "admin", prefix: "wct_QrSt", lastUsedAt: "2026-11-29T10:00:05.000Z" });
const expired = makeApiToken({ id: "t3", name: "Old script", prefix: "wct_XyZw", expiresAt: "2026-11-25T09:00:00.000Z", state: "expired" });
const revoked = makeApiToken({
  id: "t4",
  name: "Leaked one",
  prefix: "wct_LkLk",
  revokedAt: "2026-11-26T09:00:00.000Z",
  revokedBy: "Ada Admin",
  state: "revoked",
});

/** The API tokens API in memory, re-read after every action; `calls` records each write. */
function fakeApiTokensApi(initial: ApiToken[] = [makeApiToken(), used, expired, revoked]) {
  const state = { tokens: initial };
  const { calls, record } = recorder();
  server.use(
    http.get(routes.apiTokens, () => HttpResponse.json({ tokens: state.tokens })),
    http.post<never, CreateApiTokenRequest>(routes.apiTokens, async ({ request }) => {
      await record(request);
      const body = await request.json();
      const token = makeApiToken({ id: "t9", name: body.name, role: body.role, prefix: SECRET.slice(0, 8) });
      state.tokens = [...state.tokens, token];
      return HttpResponse.json({ token, secret: SECRET }, { status: 201 });
    }),
    http.delete<{ id: string }>(`${routes.apiTokens}/:id`, async ({ request, params }) => {
      await record(request);
      state.tokens = state.tokens.map((t) =>
        t.id === params.id ? { ...t, state: "revoked" as const, revokedAt: "2026-11-30T12:00:00.000Z", revokedBy: "Ada Admin" } : t,
      );
      return HttpResponse.json({ token: state.tokens.find((t) => t.id === params.id) });
    }),
  );
  return { state, calls };
}

function rowOf(name: string) {
  const row = screen.getByRole("cell", { name }).closest("tr");
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

const cells = (name: string) =>
  within(rowOf(name))
    .getAllByRole("cell")
    .map((c) => c.textContent);

async function openApiTokens() {
  const view = renderApp("/api-tokens");
  await screen.findByRole("heading", { name: "API tokens", level: 1 });
  return view;
}

const createForm = () => screen.getByRole("region", { name: "Create API token" });

describe("API tokens page", () => {
  it("when tokens load, then each shows its role, prefix, creator, expiry, Never for an unused one, and its state", async () => {
    fakeApiTokensApi();
    await openApiTokens();
    // PageTitle sets it in an effect, which may run a tick after the table shows.
    await vi.waitFor(() => expect(document.title).toBe("API tokens · workday-connect"));
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Name",
      "Role",
      "Token",
      "Created",
      "Expires",
      "Last used",
      "State",
      "Actions",
    ]);
    expect(cells("Uptime check").slice(0, 7)).toEqual([
      "Uptime check",
      "Support (read-only)",
      "wct_AbCd…",
      "20 Nov 2026, 09:00 UTC by Ada Admin",
      "18 Feb 2027, 09:00 UTC",
      "Never",
      "Active",
    ]);
    expect(cells("Nightly export").slice(1, 7)).toEqual([
      "Admin",
      "wct_QrSt…",
      "20 Nov 2026, 09:00 UTC by Ada Admin",
      "18 Feb 2027, 09:00 UTC",
      "29 Nov 2026, 10:00 UTC",
      "Active",
    ]);
    expect(cells("Old script")[6]).toBe("Expired");
    expect(cells("Leaked one")[6]).toBe("Revoked by Ada Admin");
    expect(within(rowOf("Old script")).getByRole("button", { name: "Revoke" })).toBeDefined();
    expect(within(rowOf("Leaked one")).queryByRole("button", { name: "Revoke" })).toBeNull();
    expect(screen.getByRole("region", { name: "API tokens" })).toBeDefined();
  });

  it("when there are no tokens, then the page says what they are for and offers the form", async () => {
    fakeApiTokensApi([]);
    await openApiTokens();
    expect(screen.getByText("No API tokens yet. Create one for a script or monitoring check.")).toBeDefined();
    expect(screen.queryByRole("table")).toBeNull();
    const form = createForm();
    expect(within(form).getByRole<HTMLSelectElement>("combobox", { name: "Role" }).value).toBe("support");
    expect(
      within(form)
        .getAllByRole<HTMLOptionElement>("option")
        .map((o) => o.textContent),
    ).toEqual(["Admin", "Support (read-only)", "7 days", "30 days", "90 days", "180 days", "1 year"]);
    expect(within(form).getByRole<HTMLSelectElement>("combobox", { name: "Expires after" }).value).toBe("90");
    expect(within(form).getByRole("combobox", { name: "Role" }).getAttribute("aria-describedby")).toBeTruthy();
    expect(within(form).getByText(/can never sign in, change passwords, manage users' sign-in or create tokens/)).toBeDefined();
  });

  it("when a token is created, then its secret shows once with Copy and an example without it, and Done removes it from the page and it was never stored", async () => {
    const { calls } = fakeApiTokensApi([]);
    const { user, router } = await openApiTokens();
    const form = createForm();
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Uptime check");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Expires after" }), "30 days");
    await user.click(within(form).getByRole("button", { name: "Create token" }));

    const box = await screen.findByRole("region", { name: "New API token: Uptime check" });
    expect(document.activeElement).toBe(box);
    expect(within(box).getByText("Copy the token now: it is shown only once.")).toBeDefined();
    expect(within(box).getByText(SECRET).tagName).toBe("CODE");
    const example = within(box).getByText(/^curl /);
    expect(example.textContent).toBe('curl -H "Authorization: Bearer $WORKDAY_CONNECT_TOKEN" http://localhost:3000/api/connectors');
    await user.click(within(box).getByRole("button", { name: "Copy API token" }));
    expect(await within(box).findByText("Copied")).toBeDefined();
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get(CSRF_HEADER), c.body])).toEqual([
      ["POST", routes.apiTokens, "1", { name: "Uptime check", role: "support", expiresInDays: 30 }],
    ]);
    expect(cells("Uptime check")[2]).toBe(`${SECRET.slice(0, 8)}…`);
    expect(within(form).getByRole<HTMLInputElement>("textbox", { name: "Name" }).value).toBe("");
    expect(storedText()).not.toContain(SECRET);

    await user.click(within(box).getByRole("button", { name: "Done" }));
    expect(screen.queryByRole("region", { name: /^New API token/ })).toBeNull();
    expect(document.documentElement.outerHTML).not.toContain(SECRET);
    expect(document.activeElement).toBe(within(form).getByRole("textbox", { name: "Name" }));
    expect(storedText()).not.toContain(SECRET);
    const { pathname, search, hash, state } = router.state.location;
    expect(`${pathname}${search}${hash}${JSON.stringify(state ?? null)}`).not.toContain("wct_");
  });

  it("when the page is left with a new token showing, then coming back shows it no more", async () => {
    fakeApiTokensApi([]);
    server.use(api.users({ users: [] }));
    const { user } = await openApiTokens();
    await user.type(within(createForm()).getByRole("textbox", { name: "Name" }), "Uptime check");
    await user.click(within(createForm()).getByRole("button", { name: "Create token" }));
    await screen.findByText(SECRET);
    await user.click(screen.getByRole("link", { name: "Users" }));
    await screen.findByRole("heading", { name: "Users", level: 1 });
    await user.click(screen.getByRole("link", { name: "API tokens" }));
    await screen.findByRole("cell", { name: "Uptime check" });
    expect(document.documentElement.outerHTML).not.toContain(SECRET);
    expect(storedText()).not.toContain(SECRET);
  });

  it("when the name is empty or too long, then the field says so and nothing is sent", async () => {
    const { calls } = fakeApiTokensApi([]);
    const { user } = await openApiTokens();
    const form = createForm();
    const name = within(form).getByRole("textbox", { name: "Name" });
    await user.type(name, "   ");
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("Give the token a name, e.g. the script or tool that will use it.");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    await user.clear(name);
    await user.click(name);
    await user.paste("x".repeat(101));
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    expect(await within(form).findByText("Use at most 100 characters for the name.")).toBeDefined();
    expect(calls).toHaveLength(0);
  });

  it("when the BFF refuses with 400, then its field messages show by their fields and its message above the form", async () => {
    fakeApiTokensApi([]);
    server.use(
      api.error("post", routes.apiTokens, 400, {
        code: "validation_failed",
        message: "Some fields need fixing.",
        fields: { name: "A token with this name exists already.", expiresInDays: "A token lasts at most 1 year (365 days)." },
        requestId: "req-7",
      }),
    );
    const { user } = await openApiTokens();
    const form = createForm();
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Uptime check");
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    const nameError = await within(form).findByText("A token with this name exists already.");
    expect(within(form).getByRole("textbox", { name: "Name" }).getAttribute("aria-describedby")).toContain(nameError.id);
    const expiryError = within(form).getByText("A token lasts at most 1 year (365 days).");
    expect(within(form).getByRole("combobox", { name: "Expires after" }).getAttribute("aria-describedby")).toContain(expiryError.id);
    expect(within(form).getByText("Some fields need fixing.")).toBeDefined();
    expect(within(form).getByText("Request ID: req-7")).toBeDefined();
    expect(screen.queryByRole("region", { name: /^New API token/ })).toBeNull();
  });

  it("when Revoke is confirmed, then DELETE is sent with the CSRF header and the row says Revoked by the admin", async () => {
    const { calls } = fakeApiTokensApi();
    const confirm = vi.fn(() => true);
    vi.stubGlobal("confirm", confirm);
    const { user } = await openApiTokens();
    await user.click(within(rowOf("Uptime check")).getByRole("button", { name: "Revoke" }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^Revoke the API token "Uptime check" \(wct_AbCd…\)\?/));
    expect(await within(rowOf("Uptime check")).findByText("Revoked Uptime check: requests with it are refused from now on.")).toBeDefined();
    expect(cells("Uptime check")[6]).toBe("Revoked by Ada Admin");
    expect(within(rowOf("Uptime check")).queryByRole("button", { name: "Revoke" })).toBeNull();
    expect(calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get(CSRF_HEADER)])).toEqual([["DELETE", routes.apiToken("t1"), "1"]]);
  });

  it("when Revoke is not confirmed, then nothing is sent", async () => {
    const { calls } = fakeApiTokensApi();
    vi.stubGlobal("confirm", () => false);
    const { user } = await openApiTokens();
    await user.click(within(rowOf("Uptime check")).getByRole("button", { name: "Revoke" }));
    expect(calls).toHaveLength(0);
    expect(cells("Uptime check")[6]).toBe("Active");
  });

  it("when the token was revoked meanwhile, then the BFF's 409 message shows in its row", async () => {
    fakeApiTokensApi();
    server.use(api.error("delete", routes.apiToken("t1"), 409, { code: "conflict", message: "This API token was revoked a moment ago: reload the list." }));
    vi.stubGlobal("confirm", () => true);
    const { user } = await openApiTokens();
    await user.click(within(rowOf("Uptime check")).getByRole("button", { name: "Revoke" }));
    expect((await within(rowOf("Uptime check")).findByRole("alert")).textContent).toBe("This API token was revoked a moment ago: reload the list.");
  });

  it("when support staff open /api-tokens, then the BFF's 403 becomes 'Only admins can manage API tokens.' and no form shows", async () => {
    server.use(api.session("support"), api.error("get", routes.apiTokens, 403, { code: "forbidden", message: "Admins only." }));
    renderApp("/api-tokens");
    expect(await screen.findByText("Only admins can manage API tokens.")).toBeDefined();
    expect(screen.queryByRole("link", { name: "API tokens" })).toBeNull();
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Menu", "Sign out"]);
    expect(screen.queryByRole("table")).toBeNull();
  });
});
