import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakePoliciesApi } from "../../testing/fake-policies-api";
import { api } from "../../testing/handlers";
import { makePolicy } from "../../testing/policy-fixtures";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const POLICIES = [
  makePolicy({ openAlerts: 3 }),
  makePolicy({ id: "p2", name: "Many worker records read", severity: "medium", enabled: false, connectorIds: ["c1", "c2"] }),
  makePolicy({ id: "p3", name: "Security configuration changed", openAlerts: 1 }),
];

async function openPolicies() {
  const view = renderApp("/policies");
  await screen.findByRole("heading", { name: "Policies", level: 1 });
  return view;
}

const cells = (name: string) =>
  within(screen.getByRole("link", { name }).closest("tr") ?? document.body)
    .getAllByRole("cell")
    .map((c) => c.textContent);

describe("Policies page", () => {
  it("when policies load, then each shows name, severity, enabled, connectors and open alerts linking to the Alerts page", async () => {
    fakePoliciesApi({ policies: POLICIES });
    await openPolicies();
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Name", "Severity", "Enabled", "Connectors", "Open alerts"]);
    expect(cells("Proxy session started")).toEqual(["Proxy session started", "High", "Yes", "All", "3"]);
    expect(cells("Many worker records read")).toEqual(["Many worker records read", "Medium", "No", "2 connectors", "0"]);
    expect(screen.getByRole("link", { name: "3 open alerts of Proxy session started" }).getAttribute("href")).toBe("/alerts?policyId=p1&status=open");
    expect(screen.getByRole("link", { name: "1 open alert of Security configuration changed" }).getAttribute("href")).toBe("/alerts?policyId=p3&status=open");
    expect(screen.getByRole("link", { name: "Proxy session started" }).getAttribute("href")).toBe("/policies/p1");
    const nav = within(screen.getByRole("navigation", { name: "Main" }));
    expect(nav.getByRole("link", { name: "Policies" }).getAttribute("href")).toBe("/policies");
    expect(nav.getByRole("link", { name: "Alerts" }).getAttribute("href")).toBe("/alerts");
  });

  it("when an admin opens Policies, then New policy leads to the form", async () => {
    fakePoliciesApi();
    const { user } = await openPolicies();
    expect(screen.getByText(/^No policies yet\./)).toBeDefined();
    await user.click(screen.getByRole("link", { name: "New policy" }));
    expect(await screen.findByRole("heading", { name: "New policy", level: 1 })).toBeDefined();
    expect(document.title).toBe("New policy · workday-connect");
  });

  it("when support staff open Policies and a policy, then they read them but get no New policy, form or write button", async () => {
    server.use(api.session("support"));
    fakePoliciesApi({ policies: POLICIES });
    const { user } = await openPolicies();
    expect(screen.queryByRole("link", { name: "New policy" })).toBeNull();
    expect(screen.getByText("Only admins can add or change policies.")).toBeDefined();
    await user.click(screen.getByRole("link", { name: "Proxy session started" }));
    await screen.findByRole("heading", { name: "Proxy session started", level: 1 });
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Menu", "Sign out"]);
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.getByText("Task name is Start Proxy")).toBeDefined();
  });

  it("when support staff open New policy by its address, then they are told it is for admins", async () => {
    server.use(api.session("support"));
    fakePoliciesApi();
    renderApp("/policies/new");
    expect(await screen.findByText("Only admins can add or change policies.")).toBeDefined();
    expect(screen.queryByRole("button", { name: "Add policy" })).toBeNull();
  });
});
