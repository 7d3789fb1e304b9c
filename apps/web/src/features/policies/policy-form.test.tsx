import { CSRF_HEADER, routes } from "@wc/contracts";
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakePoliciesApi } from "../../testing/fake-policies-api";
import { connected, toSummary } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { makePolicy } from "../../testing/policy-fixtures";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const CONNECTORS = [toSummary(connected({ id: "c1", name: "Acme sandbox" }))];

async function openNew() {
  const view = renderApp("/policies/new");
  await screen.findByRole("heading", { name: "New policy", level: 1 });
  return view;
}

const form = () => screen.getByRole("form");
const condition = (name: string) => screen.getByRole("group", { name });
const sent = (calls: { method: string; url: string }[]) => calls.map((c) => `${c.method} ${new URL(c.url).pathname}`);

describe("Policy form", () => {
  it("when a template is chosen, then it fills the form (name, severity, conditions, threshold) and saving sends its templateId", async () => {
    const { calls } = fakePoliciesApi({ connectors: CONNECTORS });
    const { user, router } = await openNew();
    const template = screen.getByRole("region", { name: "Many worker records read by one account" });
    expect(within(template).getByText(/^At least 50 reads of View Worker/)).toBeDefined();
    expect(within(template).getByText("Raise the count if your HR partners routinely browse many workers.")).toBeDefined();
    await user.click(within(template).getByRole("button", { name: "Use this template" }));

    const name = within(form()).getByRole<HTMLInputElement>("textbox", { name: "Name" });
    expect(name.value).toBe("Many worker records read by one account");
    expect(document.activeElement).toBe(name);
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Medium" }).checked).toBe(true);
    const first = within(condition("Condition 1"));
    expect(first.getByRole<HTMLSelectElement>("combobox", { name: "Field" }).value).toBe("taskDisplayName");
    expect(first.getByRole<HTMLTextAreaElement>("textbox", { name: "Values" }).value).toBe("View Worker");
    expect(within(condition("Condition 2")).getByRole<HTMLTextAreaElement>("textbox", { name: "Values" }).value).toBe("READ");
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Only when one account does this at least N times within M minutes" }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("spinbutton", { name: "N (times)" }).value).toBe("50");
    expect(screen.getByRole<HTMLInputElement>("spinbutton", { name: "M (minutes)" }).value).toBe("10");

    await user.click(screen.getByRole("button", { name: "Add policy" }));
    await screen.findByRole("heading", { name: "Many worker records read by one account", level: 1 });
    expect(router.state.location.pathname).toBe("/policies/new1");
    expect(screen.getByText("Added the policy Many worker records read by one account.")).toBeDefined();
    expect(calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get(CSRF_HEADER)])).toEqual([["POST", routes.policies, "1"]]);
    expect(calls[0]?.body).toMatchObject({
      templateId: "many-worker-records-read",
      severity: "medium",
      connectorIds: null,
      condition: {
        all: [
          { field: "taskDisplayName", op: "is", values: ["View Worker"] },
          { field: "activityAction", op: "is", values: ["READ"] },
        ],
      },
      threshold: { count: 50, withinMinutes: 10 },
      outsideHours: null,
    });
  });

  it("when a condition has no values, then its Values field says an empty list can never match, takes the focus, and nothing is sent", async () => {
    const { calls } = fakePoliciesApi();
    const { user } = await openNew();
    await user.type(within(form()).getByRole("textbox", { name: "Name" }), "Proxy");
    await user.click(screen.getByRole("button", { name: "Add policy" }));
    const values = within(condition("Condition 1")).getByRole("textbox", { name: "Values" });
    await vi.waitFor(() => expect(values.getAttribute("aria-invalid")).toBe("true"));
    expect(within(condition("Condition 1")).getByRole("alert").textContent).toBe("Add at least one value: an empty list can never match.");
    // The focus moves in an effect after the messages render.
    await vi.waitFor(() => expect(document.activeElement).toBe(values));
    expect(calls).toHaveLength(0);
  });

  it("when the IP address is tested, then ranges are offered and a wrong range is refused on that row's Values", async () => {
    const { calls } = fakePoliciesApi();
    const { user } = await openNew();
    await user.type(within(form()).getByRole("textbox", { name: "Name" }), "Foreign address");
    const row = within(condition("Condition 1"));
    await user.selectOptions(row.getByRole("combobox", { name: "Field" }), "IP address");
    const comparison = row.getByRole("combobox", { name: "Comparison" });
    expect(
      within(comparison)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toContain("is outside ranges");
    await user.selectOptions(comparison, "is outside ranges");
    await user.type(row.getByRole("textbox", { name: "Values" }), "10.0.0.0/8, 192.168.0.0/33");
    await user.click(screen.getByRole("button", { name: "Add policy" }));
    expect((await row.findByRole("alert")).textContent).toMatch(/^“192\.168\.0\.0\/33” is not an IP range/);
    await user.selectOptions(row.getByRole("combobox", { name: "Field" }), "Task name");
    expect(within(row.getByRole("combobox", { name: "Comparison" })).queryByRole("option", { name: "is outside ranges" })).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it("when the BFF refuses fields by their dotted paths, then each message lands on its input and one the form lacks goes above it", async () => {
    fakePoliciesApi();
    server.use(
      api.error("post", routes.policies, 400, {
        code: "validation_failed",
        message: "Some fields need fixing.",
        requestId: "req-9",
        fields: {
          "condition.any.1.values": "Workday has no task called Strat Proxy.",
          "outsideHours.timeZone": "This server does not know that zone.",
          effectiveFrom: "Policies cannot start in the past.",
        },
      }),
    );
    const { user } = await openNew();
    await user.type(within(form()).getByRole("textbox", { name: "Name" }), "Proxy");
    await user.click(screen.getByRole("radio", { name: "Any of these conditions (or)" }));
    await user.type(within(condition("Condition 1")).getByRole("textbox", { name: "Values" }), "Start Proxy");
    await user.click(screen.getByRole("button", { name: "Add condition" }));
    await user.type(within(condition("Condition 2")).getByRole("textbox", { name: "Values" }), "Strat Proxy");
    await user.click(screen.getByRole("checkbox", { name: "Only outside working hours" }));
    const zone = screen.getByRole("combobox", { name: "Time zone" });
    await user.clear(zone);
    await user.type(zone, "Europe/Paris");
    await user.click(screen.getByRole("button", { name: "Add policy" }));

    const summary = await within(form()).findByText("Some fields need fixing. Policies cannot start in the past.");
    expect(summary.closest("[role=alert]")?.textContent).toContain("Request ID: req-9");
    expect(within(condition("Condition 2")).getByRole("alert").textContent).toBe("Workday has no task called Strat Proxy.");
    expect(within(condition("Condition 1")).queryByRole("alert")).toBeNull();
    expect(zone.getAttribute("aria-invalid")).toBe("true");
    expect(zone.parentElement?.querySelector(".field-error")?.textContent).toBe("This server does not know that zone.");
  });

  it("when Test against the last 7 days is pressed, then the unsaved form is sent to the backtest and its figures and examples show", async () => {
    const { calls } = fakePoliciesApi({ connectors: CONNECTORS });
    const { user } = await openNew();
    await user.type(within(form()).getByRole("textbox", { name: "Name" }), "Proxy");
    await user.type(within(condition("Condition 1")).getByRole("textbox", { name: "Values" }), "Start Proxy");
    await user.click(screen.getByRole("button", { name: "Test against the last 7 days" }));
    expect(await screen.findByText("Would have raised 3 alerts from 57 matching rows in the last 7 days (12,345 rows read).")).toBeDefined();
    const examples = screen.getByRole("table", { name: "Alerts it would have raised, newest first" });
    const cells = within(examples)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells.slice(0, 3)).toEqual(["Acme sandbox", "lmcneil", "20"]);
    expect(calls.map((c) => [c.method, new URL(c.url).pathname, c.headers.get(CSRF_HEADER)])).toEqual([["POST", routes.policyBacktest, "1"]]);
    expect(calls[0]?.body).toMatchObject({ name: "Proxy", condition: { all: [{ field: "taskDisplayName", op: "is", values: ["Start Proxy"] }] } });
  });

  it("when a group is added, then its conditions are sent nested with its own any/all", async () => {
    const { calls } = fakePoliciesApi();
    const { user } = await openNew();
    await user.type(within(form()).getByRole("textbox", { name: "Name" }), "Writes from outside");
    await user.selectOptions(within(condition("Condition 1")).getByRole("combobox", { name: "Field" }), "Action");
    await user.type(within(condition("Condition 1")).getByRole("textbox", { name: "Values" }), "WRITE");
    await user.click(screen.getByRole("button", { name: "Add group" }));
    const group = within(screen.getByRole("group", { name: "Group 2" }));
    await user.type(
      within(group.getByRole("group", { name: "Condition 2.1" })).getByRole("textbox", { name: "Values" }),
      "Hire Employee{Enter}Terminate Employee",
    );
    await user.click(group.getByRole("button", { name: "Add condition to group 2" }));
    const second = within(group.getByRole("group", { name: "Condition 2.2" }));
    await user.selectOptions(second.getByRole("combobox", { name: "Field" }), "Account");
    await user.selectOptions(second.getByRole("combobox", { name: "Comparison" }), "matches pattern");
    await user.type(second.getByRole("textbox", { name: "Values" }), "^adm_{{1,3}");
    await user.click(screen.getByRole("button", { name: "Test against the last 7 days" }));
    await screen.findByText(/^Would have raised/);
    expect(calls[0]?.body).toMatchObject({
      condition: {
        all: [
          { field: "activityAction", op: "is", values: ["WRITE"] },
          {
            any: [
              { field: "taskDisplayName", op: "is", values: ["Hire Employee", "Terminate Employee"] },
              { field: "systemAccount", op: "matches", values: ["^adm_{1,3}"] },
            ],
          },
        ],
      },
    });
  });

  it("when a group is added inside a group and its value is left empty, then the message is on that row; filled, three levels are sent", async () => {
    const { calls } = fakePoliciesApi();
    const { user } = await openNew();
    await user.type(within(form()).getByRole("textbox", { name: "Name" }), "Admins at odd places");
    await user.type(within(condition("Condition 1")).getByRole("textbox", { name: "Values" }), "Start Proxy");
    await user.click(screen.getByRole("button", { name: "Add group" }));
    const group = within(condition("Group 2"));
    await user.type(within(group.getByRole("group", { name: "Condition 2.1" })).getByRole("textbox", { name: "Values" }), "admin");
    await user.click(group.getByRole("button", { name: "Add group to group 2" }));
    const inner = within(condition("Group 2.2"));
    await user.selectOptions(inner.getByRole("combobox", { name: "Match in group 2.2" }), "All of these (and)");
    // The API takes field tests four levels down: a group at the third level holds field tests only.
    expect(inner.queryByRole("button", { name: "Add group to group 2.2" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Add policy" }));
    const values = within(condition("Condition 2.2.1")).getByRole("textbox", { name: "Values" });
    await vi.waitFor(() => expect(values.getAttribute("aria-invalid")).toBe("true"));
    expect(values.parentElement?.querySelector(".field-error")?.textContent).toBe("Add at least one value: an empty list can never match.");
    expect(calls).toHaveLength(0);

    await user.selectOptions(within(condition("Condition 2.2.1")).getByRole("combobox", { name: "Field" }), "IP address");
    await user.selectOptions(within(condition("Condition 2.2.1")).getByRole("combobox", { name: "Comparison" }), "is outside ranges");
    await user.type(values, "192.0.2.0/24");
    await user.click(screen.getByRole("button", { name: "Test against the last 7 days" }));
    await screen.findByText(/^Would have raised/);
    expect(calls[0]?.body).toMatchObject({
      condition: {
        all: [
          { field: "taskDisplayName", op: "is", values: ["Start Proxy"] },
          {
            any: [{ field: "taskDisplayName", op: "is", values: ["admin"] }, { all: [{ field: "ipAddress", op: "outside_ranges", values: ["192.0.2.0/24"] }] }],
          },
        ],
      },
    });
  });

  it("when a saved policy nests groups three levels deep, then the form edits it in place and PUTs the same nesting back", async () => {
    const nested = {
      any: [
        { field: "taskDisplayName" as const, op: "is" as const, values: ["Start Proxy"] },
        {
          all: [
            { field: "systemAccount" as const, op: "matches" as const, values: ["^isu_"] },
            {
              any: [
                { field: "deviceType" as const, op: "is" as const, values: ["Mobile"] },
                { field: "userAgent" as const, op: "contains" as const, values: ["Mozilla"] },
              ],
            },
          ],
        },
      ],
    };
    const { calls } = fakePoliciesApi({ policies: [makePolicy({ condition: nested })], connectors: CONNECTORS });
    const { user } = renderApp("/policies/p1");
    await screen.findByRole("heading", { name: "Proxy session started", level: 1 });
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Any of these conditions (or)" }).checked).toBe(true);
    expect(within(condition("Group 2")).getByRole<HTMLSelectElement>("combobox", { name: "Match in group 2" }).value).toBe("all");
    expect(within(condition("Group 2.2")).getByRole<HTMLSelectElement>("combobox", { name: "Match in group 2.2" }).value).toBe("any");
    expect(within(condition("Condition 2.2.1")).getByRole<HTMLTextAreaElement>("textbox", { name: "Values" }).value).toBe("Mobile");
    const agent = within(condition("Condition 2.2.2")).getByRole<HTMLTextAreaElement>("textbox", { name: "Values" });
    expect(agent.value).toBe("Mozilla");
    await user.clear(agent);
    await user.type(agent, "Firefox");
    await user.click(within(condition("Group 2.2")).getByRole("button", { name: "Remove condition 2.2.1" }));
    expect(document.activeElement).toBe(within(condition("Group 2.2")).getByRole("button", { name: "Add condition to group 2.2" }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByText(/^Saved Proxy session started\./);
    expect(sent(calls)).toEqual([`PUT ${routes.policy("p1")}`]);
    expect(calls[0]?.body).toMatchObject({
      condition: {
        any: [
          { field: "taskDisplayName", op: "is", values: ["Start Proxy"] },
          { all: [{ field: "systemAccount", op: "matches", values: ["^isu_"] }, { any: [{ field: "userAgent", op: "contains", values: ["Firefox"] }] }] },
        ],
      },
    });
  });

  it("when only outside working hours is asked, then the zone, days and hours are sent, and an end before the start is refused on End", async () => {
    const { calls } = fakePoliciesApi();
    const { user } = await openNew();
    await user.type(within(form()).getByRole("textbox", { name: "Name" }), "Security changes at night");
    await user.type(within(condition("Condition 1")).getByRole("textbox", { name: "Values" }), "Create Security Group");
    await user.click(screen.getByRole("checkbox", { name: "Only outside working hours" }));
    const zone = screen.getByRole("combobox", { name: "Time zone" });
    await user.clear(zone);
    await user.type(zone, "Europe/Paris");
    const days = within(screen.getByRole("group", { name: "Working days" }));
    expect(days.getAllByRole<HTMLInputElement>("checkbox").map((d) => d.checked)).toEqual([true, true, true, true, true, false, false]);
    await user.click(days.getByRole("checkbox", { name: "Saturday" }));
    fireEvent.change(screen.getByLabelText("End"), { target: { value: "07:00" } });
    await user.click(screen.getByRole("button", { name: "Add policy" }));
    const end = screen.getByLabelText("End");
    await vi.waitFor(() => expect(end.getAttribute("aria-invalid")).toBe("true"));
    expect(end.parentElement?.querySelector(".field-error")?.textContent).toBe("The end of working hours must come after their start.");
    expect(calls).toHaveLength(0);

    fireEvent.change(end, { target: { value: "19:30" } });
    await user.click(screen.getByRole("button", { name: "Test against the last 7 days" }));
    await screen.findByText(/^Would have raised/);
    expect(calls[0]?.body).toMatchObject({
      outsideHours: { timeZone: "Europe/Paris", days: [1, 2, 3, 4, 5, 6], start: "08:00", end: "19:30" },
      threshold: null,
    });
  });

  it("when a saved policy is changed, then the whole policy is PUT and the page says so; Delete asks first, then the list says it is gone", async () => {
    const { calls } = fakePoliciesApi({ policies: [makePolicy()], connectors: CONNECTORS });
    const { user, router } = renderApp("/policies/p1");
    await screen.findByRole("heading", { name: "Proxy session started", level: 1 });
    expect(screen.queryByRole("region", { name: "Start from a template" })).toBeNull();
    await user.click(screen.getByRole("radio", { name: "Chosen connectors" }));
    await user.click(screen.getByRole("checkbox", { name: "Acme sandbox" }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("Saved Proxy session started. Activity stored from now on is checked against this version.")).toBeDefined();
    expect(sent(calls)).toEqual([`PUT ${routes.policy("p1")}`]);
    expect(calls[0]?.body).toMatchObject({ name: "Proxy session started", connectorIds: ["c1"], severity: "high" });

    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal("confirm", confirm);
    await user.click(screen.getByRole("button", { name: "Delete policy" }));
    expect(sent(calls)).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Delete policy" }));
    expect(await screen.findByText("Deleted the policy Proxy session started. Its alerts stay, under the name it had.")).toBeDefined();
    expect(router.state.location.pathname).toBe("/policies");
    expect(confirm).toHaveBeenCalledWith("Delete the policy “Proxy session started”? It raises no more alerts; the alerts it raised stay.");
    expect(sent(calls)).toEqual([`PUT ${routes.policy("p1")}`, `DELETE ${routes.policy("p1")}`]);
  });
});
