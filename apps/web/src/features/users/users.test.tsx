import { CSRF_HEADER, routes, type CreateUserRequest, type UpdateUserRequest, type User } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { makeUser } from "../../testing/fixtures";
import { api, recorder } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const ada = makeUser();
const sam = makeUser({ id: "u2", name: "Sam Support", email: "support@example.com", role: "support", lastSignInAt: null, activeSessions: 2 });
const sso = makeUser({ id: "u3", name: "Olga Okta", email: "olga@example.com", role: "support", source: "oidc", activeSessions: 0 });

/** The users API in memory, re-read after every action; `calls` records each write. */
function fakeUsersApi(initial: User[] = [ada, sam, sso]) {
  const state = { users: initial };
  const { calls, record } = recorder();
  server.use(
    http.get(routes.users, () => HttpResponse.json({ users: state.users })),
    http.post<never, CreateUserRequest>(routes.users, async ({ request }) => {
      await record(request);
      const body = await request.json();
      const user = makeUser({ id: "u9", name: body.name, email: body.email, role: body.role, lastSignInAt: null, activeSessions: 0 });
      state.users = [...state.users, user];
      return HttpResponse.json({ user }, { status: 201 });
    }),
    http.patch<{ id: string }, UpdateUserRequest>(`${routes.users}/:id`, async ({ request, params }) => {
      await record(request);
      const body = await request.json();
      state.users = state.users.map((u) => (u.id === params.id ? { ...u, ...(body.role ? { role: body.role } : {}) } : u));
      return HttpResponse.json({ user: state.users.find((u) => u.id === params.id) });
    }),
    http.post(`${routes.users}/:id/password`, async ({ request }) => {
      await record(request);
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete(`${routes.users}/:id/sessions`, async ({ request, params }) => {
      await record(request);
      const ended = state.users.find((u) => u.id === params.id)?.activeSessions ?? 0;
      state.users = state.users.map((u) => (u.id === params.id ? { ...u, activeSessions: 0 } : u));
      return HttpResponse.json({ ended });
    }),
    http.delete(`${routes.users}/:id`, async ({ request, params }) => {
      await record(request);
      state.users = state.users.filter((u) => u.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { state, calls };
}

function rowOf(name: string) {
  const row = screen.getByRole("cell", { name: new RegExp(`^${name}`) }).closest("tr");
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

async function openUsers() {
  const view = renderApp("/users");
  await screen.findByRole("heading", { name: "Users" });
  return view;
}

describe("Users page", () => {
  it("when users load, then each shows name, email, role, how they sign in, last sign-in and active sessions", async () => {
    fakeUsersApi();
    await openUsers();
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Name",
      "Email",
      "Role",
      "Sign-in",
      "Last sign-in",
      "Active sessions",
      "Actions",
    ]);
    const cells = (name: string) =>
      within(rowOf(name))
        .getAllByRole("cell")
        .map((c) => c.textContent);
    expect(cells("Sam Support").slice(0, 2)).toEqual(["Sam Support", "support@example.com"]);
    expect(cells("Sam Support").slice(3, 6)).toEqual(["Local", "Not signed in yet", "2"]);
    expect(cells("Olga Okta")[3]).toBe("SSO");
    expect(cells("Ada Admin")[0]).toBe("Ada Admin (you)");
    expect(within(rowOf("Sam Support")).getByRole<HTMLSelectElement>("combobox", { name: "Role for Sam Support" }).value).toBe("support");
    expect(within(rowOf("Olga Okta")).queryByRole("button", { name: "Reset password" })).toBeNull();
  });

  it("when Add user is filled in, then the user is created with the CSRF header, listed, and the form is emptied", async () => {
    const { calls } = fakeUsersApi();
    const { user } = await openUsers();
    const form = screen.getByRole("region", { name: "Add user" });
    expect(
      within(form)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Admin", "Support (read-only)"]);
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Bo Builder");
    await user.type(within(form).getByRole("textbox", { name: "Email" }), "bo@example.com");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Role" }), "Admin");
    await user.type(within(form).getByLabelText("Password"), "a-long-first-password");
    await user.click(within(form).getByRole("button", { name: "Add user" }));
    expect(await screen.findByText("Added Bo Builder (bo@example.com) as Admin.")).toBeDefined();
    expect(rowOf("Bo Builder")).toBeDefined();
    expect(calls[0]?.body).toEqual({ name: "Bo Builder", email: "bo@example.com", role: "admin", password: "a-long-first-password" });
    expect(calls[0]?.headers.get(CSRF_HEADER)).toBe("1");
    expect(within(form).getByRole<HTMLInputElement>("textbox", { name: "Name" }).value).toBe("");
  });

  it("when the email is taken, then the server's message shows and the form keeps its values", async () => {
    fakeUsersApi();
    server.use(api.error("post", routes.users, 409, { code: "conflict", message: "A user with this email already exists." }));
    const { user } = await openUsers();
    const form = screen.getByRole("region", { name: "Add user" });
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Sam Again");
    await user.type(within(form).getByRole("textbox", { name: "Email" }), "support@example.com");
    await user.type(within(form).getByLabelText("Password"), "a-long-first-password");
    await user.click(within(form).getByRole("button", { name: "Add user" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("A user with this email already exists.");
    expect(within(form).getByRole<HTMLInputElement>("textbox", { name: "Name" }).value).toBe("Sam Again");
  });

  it("when the password is too short, then the field says so and nothing is sent", async () => {
    const { calls } = fakeUsersApi();
    const { user } = await openUsers();
    const form = screen.getByRole("region", { name: "Add user" });
    await user.type(within(form).getByRole("textbox", { name: "Name" }), "Bo");
    await user.type(within(form).getByRole("textbox", { name: "Email" }), "bo@example.com");
    await user.type(within(form).getByLabelText("Password"), "short");
    await user.click(within(form).getByRole("button", { name: "Add user" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("Use at least 12 characters.");
    expect(calls).toHaveLength(0);
  });

  it("when a role is changed and saved, then only the role is sent and the row says so", async () => {
    const { calls } = fakeUsersApi();
    const { user } = await openUsers();
    const row = rowOf("Sam Support");
    await user.selectOptions(within(row).getByRole("combobox", { name: "Role for Sam Support" }), "Admin");
    await user.click(within(row).getByRole("button", { name: "Save role" }));
    expect(await within(rowOf("Sam Support")).findByText("Sam Support is now Admin.")).toBeDefined();
    expect(calls.map((c) => [c.method, new URL(c.url).pathname, c.body])).toEqual([["PATCH", "/api/users/u2", { role: "admin" }]]);
  });

  it("when the change would leave no admin, then the server's 409 message shows in the row", async () => {
    fakeUsersApi();
    server.use(api.error("patch", routes.user("u1"), 409, { code: "conflict", message: "At least one admin must remain." }));
    const { user } = await openUsers();
    const row = rowOf("Ada Admin");
    await user.selectOptions(within(row).getByRole("combobox", { name: "Role for Ada Admin" }), "Support (read-only)");
    await user.click(within(row).getByRole("button", { name: "Save role" }));
    expect((await within(row).findByRole("alert")).textContent).toBe("At least one admin must remain.");
  });

  it("when Reset password is used, then it asks for the new password, sends it, and says their sessions ended", async () => {
    const { calls } = fakeUsersApi();
    const { user } = await openUsers();
    const row = rowOf("Sam Support");
    await user.click(within(row).getByRole("button", { name: "Reset password" }));
    await user.type(within(row).getByLabelText("New password for Sam Support"), "short");
    await user.click(within(row).getByRole("button", { name: "Set password" }));
    expect((await within(row).findByRole("alert")).textContent).toBe("Use at least 12 characters.");
    await user.clear(within(row).getByLabelText("New password for Sam Support"));
    await user.type(within(row).getByLabelText("New password for Sam Support"), "a-brand-new-password");
    await user.click(within(row).getByRole("button", { name: "Set password" }));
    expect(await within(row).findByText("New password set for Sam Support. Their sessions ended.")).toBeDefined();
    expect(within(row).queryByLabelText("New password for Sam Support")).toBeNull();
    expect(calls.map((c) => [c.method, new URL(c.url).pathname, c.body])).toEqual([["POST", "/api/users/u2/password", { password: "a-brand-new-password" }]]);
  });

  it("when End sessions is selected, then their sessions end and the row says how many", async () => {
    const { calls } = fakeUsersApi();
    const { user } = await openUsers();
    await user.click(within(rowOf("Sam Support")).getByRole("button", { name: "End sessions" }));
    expect(await screen.findByText("Ended 2 sessions of Sam Support.")).toBeDefined();
    expect(within(rowOf("Sam Support")).getAllByRole("cell")[5]?.textContent).toBe("0");
    expect(calls.map((c) => [c.method, new URL(c.url).pathname])).toEqual([["DELETE", "/api/users/u2/sessions"]]);
  });

  it("when Remove is confirmed, then the user is deleted and the page says so", async () => {
    const { calls } = fakeUsersApi();
    const confirm = vi.fn(() => true);
    vi.stubGlobal("confirm", confirm);
    const { user } = await openUsers();
    await user.click(within(rowOf("Sam Support")).getByRole("button", { name: "Remove" }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^Remove Sam Support \(support@example.com\)\?/));
    expect(await screen.findByText("Removed Sam Support.")).toBeDefined();
    expect(screen.queryByRole("cell", { name: "Sam Support" })).toBeNull();
    expect(calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get(CSRF_HEADER)])).toEqual([["DELETE", "/api/users/u2", "1"]]);
  });

  it("when Remove is not confirmed, then nothing is sent", async () => {
    const { calls } = fakeUsersApi();
    vi.stubGlobal("confirm", () => false);
    const { user } = await openUsers();
    await user.click(within(rowOf("Sam Support")).getByRole("button", { name: "Remove" }));
    expect(calls).toHaveLength(0);
    expect(rowOf("Sam Support")).toBeDefined();
  });

  it("when support staff open /users, then the BFF's 403 becomes 'Only admins can manage users.' and no form shows", async () => {
    server.use(api.session("support"), api.error("get", routes.users, 403, { code: "forbidden", message: "Admins only." }));
    renderApp("/users");
    expect(await screen.findByText("Only admins can manage users.")).toBeDefined();
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Menu", "Sign out"]);
    expect(screen.queryByRole("table")).toBeNull();
  });
});
