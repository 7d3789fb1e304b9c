import { AUDIT_ACTIONS, routes } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { makeAuditEntry } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";
import { AUDIT_ACTION_LABELS } from "./audit-labels";

const roleChange = makeAuditEntry();
const signIn = makeAuditEntry({
  seq: 9,
  at: "2026-11-29T09:58:00.000Z",
  action: "auth.signed_in",
  targetType: null,
  targetId: null,
  targetName: null,
  before: null,
  after: null,
});

async function waitForSearch(router: ReturnType<typeof renderApp>["router"], search: string) {
  await vi.waitFor(() => expect(router.state.location.search).toBe(search));
}

/** Serves the audit log and keeps each query the page sent. */
function serveAudit(nextBefore: number | null = null) {
  const queries: URLSearchParams[] = [];
  server.use(api.audit({ entries: [roleChange, signIn], nextBefore }, (url) => queries.push(url.searchParams)));
  return queries;
}

describe("Audit log page", () => {
  it("when entries load, then they show newest first with UTC time, actor, action, target, address and the change", async () => {
    serveAudit();
    renderApp("/audit");
    await screen.findByRole("heading", { name: "Audit log" });
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Time (UTC)", "Actor", "Action", "Target", "From", "Change"]);
    const [first, second] = screen.getAllByRole("row").slice(1);
    if (!first || !second) throw new Error("two rows expected");
    expect(
      within(first)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["29 Nov 2026, 10:00:05 UTC", "Ada Admin", "User changed", "Sam Supportuser u2", "203.0.113.7", "Role: Support (read-only) → Admin"]);
    expect(
      within(second)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["29 Nov 2026, 09:58:00 UTC", "Ada Admin", "Signed in", "—", "203.0.113.7", "—"]);
    expect(screen.queryByRole("link", { name: "Older entries" })).toBeNull();
  });

  it("when filters are submitted, then they go into the URL (empty ones left out) and to the API", async () => {
    const queries = serveAudit();
    const { user, router } = renderApp("/audit");
    const form = await screen.findByRole("search", { name: "Filter the audit log" });
    const action = within(form).getByRole("combobox", { name: "Action" });
    expect(
      within(action)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["All actions", ...AUDIT_ACTIONS.map((a) => AUDIT_ACTION_LABELS[a])]);
    await user.type(within(form).getByRole("textbox", { name: "Actor" }), "admin@example.com");
    await user.selectOptions(action, "user.updated");
    await user.click(within(form).getByRole("button", { name: "Filter" }));
    await waitForSearch(router, "?actor=admin%40example.com&action=user.updated");
    const last = queries.at(-1);
    expect(last?.get("actor")).toBe("admin@example.com");
    expect(last?.get("action")).toBe("user.updated");
    expect(last?.has("targetId")).toBe(false);
  });

  it("when the page is opened with filters in the URL, then the form shows them and From/To are sent as UTC", async () => {
    const queries = serveAudit();
    renderApp("/audit?action=user.removed&targetId=u2&from=2026-11-29T10:00&to=2026-11-30");
    const form = await screen.findByRole("search", { name: "Filter the audit log" });
    expect(within(form).getByRole<HTMLSelectElement>("combobox", { name: "Action" }).value).toBe("user.removed");
    expect(within(form).getByRole<HTMLInputElement>("textbox", { name: "Target" }).value).toBe("u2");
    expect(within(form).getByLabelText<HTMLInputElement>("From").value).toBe("2026-11-29T10:00");
    const sent = queries.at(-1);
    expect(sent?.get("action")).toBe("user.removed");
    expect(sent?.get("targetId")).toBe("u2");
    expect(sent?.get("from")).toBe("2026-11-29T10:00Z");
    expect(sent?.get("to")).toBe("2026-11-30");
  });

  it("when there are older entries, then Older entries keeps the filters and asks for entries before nextBefore", async () => {
    const queries = serveAudit(9);
    const { user, router } = renderApp("/audit?action=user.updated");
    await user.click(await screen.findByRole("link", { name: "Older entries" }));
    await waitForSearch(router, "?action=user.updated&before=9");
    expect(queries.at(-1)?.get("before")).toBe("9");
    expect(queries.at(-1)?.get("action")).toBe("user.updated");
    expect((await screen.findByRole("link", { name: "Newest entries" })).getAttribute("href")).toBe("/audit?action=user.updated");
  });

  it("when a date in the URL is not a date, then the filter says how to fix it and the API is not asked", async () => {
    const queries = serveAudit();
    renderApp("/audit?from=yesterday");
    expect(await screen.findByText("Use a date and time like 2026-11-29T10:00:00Z.")).toBeDefined();
    expect(queries).toHaveLength(0);
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("when support staff open /audit, then the BFF's 403 becomes 'Only admins can read the audit log.'", async () => {
    server.use(api.session("support"), api.error("get", routes.audit, 403, { code: "forbidden", message: "Admins only." }));
    renderApp("/audit");
    expect(await screen.findByText("Only admins can read the audit log.")).toBeDefined();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
