import { routes } from "@wc/contracts";
import { PREREQUISITES, TENANT_SETUP_STEPS } from "@wc/workday";
import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { fakeConnectorApi } from "../../testing/fake-connector-api";
import { connected, makeConnector } from "../../testing/fixtures";
import { api, recorder } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const stepHeading = (name: string) => screen.findByRole("heading", { level: 2, name });

describe("wizard: Name", () => {
  it("when the name is empty, then Next shows how to fix it and creates nothing", async () => {
    const { user } = renderApp("/connectors/new");
    await user.click(await screen.findByRole("button", { name: "Next" }));
    const field = screen.getByRole("textbox", { name: "Name" });
    expect((await screen.findByRole("alert")).textContent).toMatch(/Name is required/);
    expect(field.getAttribute("aria-invalid")).toBe("true");
  });

  it("when the server says the name is taken, then its message shows by the field", async () => {
    server.use(api.error("post", routes.connectors, 409, { code: "conflict", message: 'A connector named "Acme" already exists: choose another name.' }));
    const { user } = renderApp("/connectors/new");
    await user.type(await screen.findByRole("textbox", { name: "Name" }), "Acme");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect((await screen.findByRole("alert")).textContent).toBe('A connector named "Acme" already exists: choose another name.');
    expect(screen.getByRole("textbox", { name: "Name" }).getAttribute("aria-describedby")).toMatch(/error/);
  });

  it("when the name is valid, then the draft is created and the wizard opens at Prerequisites", async () => {
    const created = makeConnector({ name: "Acme sandbox", wizardStep: "prerequisites" });
    const { calls, record } = recorder();
    server.use(api.write("post", routes.connectors, created, record));
    fakeConnectorApi(created);
    const { user, router } = renderApp("/connectors/new");
    await user.type(await screen.findByRole("textbox", { name: "Name" }), "  Acme   sandbox ");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await stepHeading("Prerequisites")).toBeDefined();
    expect(calls[0]?.body).toEqual({ name: "Acme sandbox", workdayAddress: null });
    expect(router.state.location.pathname + router.state.location.search).toBe("/connectors/c1/setup?step=prerequisites");
  });
});

describe("wizard: progress and resume", () => {
  it("when a draft is opened without a step, then it resumes at the saved step, marked current", async () => {
    fakeConnectorApi(makeConnector({ wizardStep: "register" }));
    renderApp("/connectors/c1/setup");
    expect(await stepHeading("Register API client")).toBeDefined();
    const progress = screen.getByRole("navigation", { name: "Setup progress" });
    const items = within(progress).getAllByRole("listitem");
    expect(items.map((i) => i.textContent)).toEqual(["Name", "Prerequisites", "Tenant setup", "Register API client", "Enter details", "Connect", "Done"]);
    expect(items[3]?.getAttribute("aria-current")).toBe("step");
    expect(within(progress).getByRole("link", { name: "Tenant setup" })).toBeDefined();
    expect(within(progress).queryByRole("link", { name: "Enter details" })).toBeNull();
  });

  it("when ?step names a step not reached yet, then the saved step opens instead", async () => {
    fakeConnectorApi(makeConnector({ wizardStep: "prerequisites" }));
    renderApp("/connectors/c1/setup?step=connect");
    expect(await stepHeading("Prerequisites")).toBeDefined();
  });

  it("when a finished connector later needs reconnecting, then the wizard opens at Connect, not Done", async () => {
    fakeConnectorApi(connected({ status: "relink_needed", reasonCode: "invalid_grant", wizardStep: "done" }));
    renderApp("/connectors/c1/setup?step=done");
    expect(await stepHeading("Connect")).toBeDefined();
    expect(screen.queryByRole("heading", { name: "Workday was successfully connected" })).toBeNull();
  });

  it("when Back is selected, then the previous step opens without saving", async () => {
    const { calls } = fakeConnectorApi(makeConnector({ wizardStep: "register" }));
    const { user } = renderApp("/connectors/c1/setup?step=register");
    await stepHeading("Register API client");
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(await stepHeading("Tenant setup")).toBeDefined();
    expect(calls).toHaveLength(0);
  });

  it("when Discard draft is confirmed, then the draft is deleted and the list opens", async () => {
    fakeConnectorApi(makeConnector());
    let deleted = false;
    server.use(
      http.delete(routes.connector("c1"), () => {
        deleted = true;
        return new HttpResponse(null, { status: 204 });
      }),
      api.connectors({ connectors: [] }),
    );
    vi.stubGlobal("confirm", () => true);
    const { user } = renderApp("/connectors/c1/setup");
    await user.click(await screen.findByRole("button", { name: "Discard draft" }));
    expect(await screen.findByRole("heading", { name: "App Connectors" })).toBeDefined();
    expect(deleted).toBe(true);
  });
});

describe("wizard: Prerequisites and Tenant setup", () => {
  it("when rows are ticked and Next is selected, then the ticks are saved and Tenant setup opens", async () => {
    const { calls, state } = fakeConnectorApi(makeConnector());
    const { user } = renderApp("/connectors/c1/setup");
    await stepHeading("Prerequisites");
    const table = screen.getByRole("table", { name: "Security group permissions" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Functional area", "Domain security policy", "Subdomain security policy", "Report/Task permissions", "Integration permissions", "Done"]);
    expect(screen.getAllByRole("checkbox", { name: /^Done: / })).toHaveLength(PREREQUISITES.length);
    await user.click(screen.getByRole("checkbox", { name: "Done: System Auditing" }));
    expect(screen.getByText(/Finish with the task "Activate Pending Security Policy Changes"/)).toBeDefined();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await stepHeading("Tenant setup")).toBeDefined();
    expect(calls[0]?.body).toEqual({ wizardStep: "tenant_setup", prerequisites: { system_auditing: true } });
    expect(state.connector.prerequisites).toEqual({ system_auditing: true });
  });

  it("when saving fails, then the step stays and shows the message", async () => {
    fakeConnectorApi(makeConnector({ wizardStep: "tenant_setup" }));
    server.use(api.error("patch", routes.connectorWizard("c1"), 500, { code: "internal", message: "Could not save progress.", requestId: "r-7" }));
    const { user } = renderApp("/connectors/c1/setup?step=tenant_setup");
    await stepHeading("Tenant setup");
    for (const s of TENANT_SETUP_STEPS) await user.click(screen.getByRole("checkbox", { name: `Done: ${s.setting}` }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText("Could not save progress.")).toBeDefined();
    expect(screen.getByText("Request ID: r-7")).toBeDefined();
    expect(screen.getByRole("heading", { level: 2, name: "Tenant setup" })).toBeDefined();
  });
});

describe("wizard: Register API client", () => {
  it("when Copy is selected, then the value is on the clipboard and Copied shows", async () => {
    fakeConnectorApi(makeConnector({ wizardStep: "register" }));
    const { user } = renderApp("/connectors/c1/setup?step=register");
    await stepHeading("Register API client");
    expect(screen.getByText("http://localhost:3000/api/oauth/connect/c1")).toBeDefined();
    await user.click(screen.getByRole("button", { name: "Copy Redirection URI" }));
    expect(await screen.findByText("Copied")).toBeDefined();
    expect(await navigator.clipboard.readText()).toBe("http://localhost:3000/api/oauth/connect/c1");
    expect(screen.getByText(/On the done page, note these five values/)).toBeDefined();
    expect(screen.getByText(/Client Secret only once/)).toBeDefined();
  });

  it("when the values are listed, then only the typed ones (Client Name, Redirection URI) have Copy", async () => {
    fakeConnectorApi(makeConnector({ wizardStep: "register" }));
    renderApp("/connectors/c1/setup?step=register");
    await stepHeading("Register API client");
    expect(screen.getAllByRole("button", { name: /^Copy / }).map((b) => b.getAttribute("aria-label") ?? b.textContent)).toHaveLength(2);
    expect(screen.queryByRole("button", { name: "Copy Access Token Type" })).toBeNull();
    expect(screen.getByRole("button", { name: "Copy Client Name" })).toBeDefined();
  });

  it("when the Workday address is known, then Register API Client links to Workday's search for the task in that tenant, in a new tab", async () => {
    fakeConnectorApi(makeConnector({ wizardStep: "register", workdayAddress: "https://impl.workday.com/acme_impl" }));
    renderApp("/connectors/c1/setup?step=register");
    await stepHeading("Register API client");
    const link = screen.getByRole("link", { name: "Register API Client (opens Workday in a new tab)" });
    expect(link.getAttribute("href")).toBe("https://impl.workday.com/acme_impl/d/search.htmld?q=Register%20API%20Client");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("when the Workday address is not known yet, then the step says where to give it and the task names are plain text", async () => {
    fakeConnectorApi(makeConnector({ wizardStep: "register", workdayAddress: null }));
    renderApp("/connectors/c1/setup?step=register");
    await stepHeading("Register API client");
    expect(screen.getByText(/Give your Workday address on the Name step/)).toBeDefined();
    expect(screen.queryByRole("link", { name: /Register API Client/ })).toBeNull();
  });

  it("when an address outside Workday's hosts is given with the name, then the field says why and nothing is created", async () => {
    const { calls, record } = recorder();
    server.use(api.write("post", routes.connectors, makeConnector(), record));
    const { user } = renderApp("/connectors/new");
    await user.type(await screen.findByRole("textbox", { name: "Name" }), "Acme");
    await user.type(screen.getByRole("textbox", { name: "Workday address (optional)" }), "https://evil.example/acme");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/"evil\.example" is not a Workday host/);
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Workday address (optional)" }));
    expect(calls).toHaveLength(0);
  });

  it("when a Workday page's address is given with the name, then it is sent with the new draft", async () => {
    const created = makeConnector({ name: "Acme", wizardStep: "prerequisites", workdayAddress: "https://impl.workday.com/acme_impl" });
    const { calls, record } = recorder();
    server.use(api.write("post", routes.connectors, created, record));
    fakeConnectorApi(created);
    const { user } = renderApp("/connectors/new");
    await user.type(await screen.findByRole("textbox", { name: "Name" }), "Acme");
    await user.type(screen.getByRole("textbox", { name: "Workday address (optional)" }), "https://impl.workday.com/acme_impl/d/home.htmld");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await stepHeading("Prerequisites")).toBeDefined();
    expect(calls[0]?.body).toEqual({ name: "Acme", workdayAddress: "https://impl.workday.com/acme_impl/d/home.htmld" });
    expect(screen.getByRole("link", { name: "Activate Pending Security Policy Changes (opens Workday in a new tab)" })).toBeDefined();
  });

  it("when Next is selected, then the step is saved and Enter details opens", async () => {
    const { calls } = fakeConnectorApi(makeConnector({ wizardStep: "register" }));
    const { user } = renderApp("/connectors/c1/setup?step=register");
    await stepHeading("Register API client");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await stepHeading("Enter details")).toBeDefined();
    expect(calls[0]?.body).toEqual({ wizardStep: "details" });
  });
});
