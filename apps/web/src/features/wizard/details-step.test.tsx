import { routes } from "@wc/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeConnectorApi } from "../../testing/fake-connector-api";
import { ENDPOINTS, makeConnector } from "../../testing/fixtures";
import { api } from "../../testing/handlers";
import { renderApp } from "../../testing/render-app";
import { server } from "../../testing/server";

const field = (name: string) => screen.getByLabelText(name, { selector: "input" });

/** The message shown for a field (the element its aria-describedby points at with role alert). */
function messageOf(input: HTMLElement): string | null {
  const ids = input.getAttribute("aria-describedby")?.split(" ") ?? [];
  const alert = ids.map((id) => document.getElementById(id)).find((el) => el?.getAttribute("role") === "alert");
  return alert?.textContent ?? null;
}

/** Pastes into a field, as admins do with values copied from Workday. */
async function paste(user: { click: (e: Element) => Promise<void>; paste: (t: string) => Promise<void> }, label: string, text: string) {
  await user.click(field(label));
  await user.paste(text);
}

async function openDetails(overrides = {}) {
  const api = fakeConnectorApi(makeConnector({ wizardStep: "details", ...overrides }));
  const view = renderApp("/connectors/c1/setup?step=details");
  await screen.findByRole("heading", { level: 2, name: "Enter details" });
  return { ...api, ...view };
}

describe("wizard: Enter details", () => {
  it("when an endpoint is not a URL, then leaving the field says how to fix it", async () => {
    const { user } = await openDetails();
    await user.type(field("Token Endpoint"), "wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token");
    await user.tab();
    expect(messageOf(field("Token Endpoint"))).toMatch(/missing https:\/\//);
  });

  it("when an endpoint uses http, then it is rejected with a message asking for https", async () => {
    const { user } = await openDetails();
    await paste(user, "Token Endpoint", "http://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token");
    await user.tab();
    expect(messageOf(field("Token Endpoint"))).toMatch(/must start with https:\/\//);
  });

  it("when the endpoints name different tenants, then the odd one says which tenants disagree", async () => {
    const { user } = await openDetails();
    await paste(user, "Workday REST API Endpoint", ENDPOINTS.restApiEndpoint);
    await paste(user, "Token Endpoint", ENDPOINTS.tokenEndpoint);
    await paste(user, "Authorization Endpoint", "https://impl.workday.com/globex_impl/authorize");
    await user.tab();
    expect(messageOf(field("Authorization Endpoint"))).toMatch(/globex_impl.*acme_impl/);
  });

  it("when the Authorization Endpoint is pasted from the browser bar with state and client_id, then the field names them and says how to paste it", async () => {
    const { user } = await openDetails();
    await paste(user, "Authorization Endpoint", "https://impl.workday.com/acme_impl/authorize?client_id=abc&redirect=n&state=xyz");
    await user.tab();
    expect(messageOf(field("Authorization Endpoint"))).toMatch(
      /must not carry the parameters client_id, state: .*exactly as Workday's View API Clients page shows it/,
    );
  });

  it("when the Client ID is pasted with a zero-width space, then the field names the character and its position", async () => {
    const { user } = await openDetails();
    await paste(user, "Client ID", "client\u200B-123");
    await user.tab();
    expect(messageOf(field("Client ID"))).toMatch(/invisible character U\+200B \(zero-width space\) at position 7/);
  });

  it("when an endpoint has an unusual path, then a warning shows without blocking", async () => {
    const { user } = await openDetails();
    await paste(user, "Workday REST API Endpoint", "https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl/workers");
    await user.tab();
    expect(screen.getByText(/unusual path/)).toBeDefined();
  });

  it("when the Workday block is pasted, then Fill fields fills the five fields and clears the box", async () => {
    const { user } = await openDetails();
    const block = [
      "Client ID\tclient-123",
      "Client Secret\tsecret-value-wxyz",
      `Workday REST API Endpoint\t${ENDPOINTS.restApiEndpoint}`,
      `Token Endpoint\t${ENDPOINTS.tokenEndpoint}`,
      `Authorization Endpoint\t${ENDPOINTS.authorizationEndpoint}`,
    ].join("\n");
    const box = screen.getByRole("textbox", { name: "Paste from Workday" });
    await user.click(box);
    await user.paste(block);
    await user.click(screen.getByRole("button", { name: "Fill fields" }));
    expect((field("Client ID") as HTMLInputElement).value).toBe("client-123");
    expect((field("Client Secret") as HTMLInputElement).value).toBe("secret-value-wxyz");
    expect((field("Token Endpoint") as HTMLInputElement).value).toBe(ENDPOINTS.tokenEndpoint);
    expect((field("Authorization Endpoint") as HTMLInputElement).value).toBe(ENDPOINTS.authorizationEndpoint);
    expect((box as HTMLTextAreaElement).value).toBe("");
    const summary = screen.getByRole("region", { name: "Summary" });
    expect(within(summary).getByText("Tenant: acme_impl")).toBeDefined();
    expect(within(summary).getByText(/Looks like an implementation tenant/)).toBeDefined();
  });

  it("when SAML SSO is ticked, then the effective authorization URL with redirect=n shows", async () => {
    const { user } = await openDetails();
    await paste(user, "Authorization Endpoint", ENDPOINTS.authorizationEndpoint);
    expect(screen.queryByText("https://impl.workday.com/acme_impl/authorize?redirect=n")).toBeNull();
    await user.click(screen.getByRole("checkbox", { name: "This tenant signs in with SAML SSO" }));
    expect(screen.getByText("https://impl.workday.com/acme_impl/authorize?redirect=n")).toBeDefined();
  });

  it("when Next is selected with empty fields, then each says what is missing and nothing is sent", async () => {
    const { user, calls } = await openDetails();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(messageOf(field("Client ID"))).toMatch(/Client ID is required/);
    expect(messageOf(field("Client Secret"))).toMatch(/Client Secret is required/);
    expect(messageOf(field("Token Endpoint"))).toMatch(/empty/);
    expect(document.activeElement).toBe(field("Client ID"));
    expect(calls).toHaveLength(0);
  });

  it("when a secret is already saved, then its ending shows and Next keeps it by leaving it out", async () => {
    const { user, calls } = await openDetails({ clientSecretSet: true, clientSecretHint: "abcd", clientId: "client-123", ...ENDPOINTS });
    expect(screen.getByText("A client secret is saved (ends in …abcd). Leave empty to keep it.")).toBeDefined();
    expect(field("Client Secret").getAttribute("type")).toBe("password");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Connect" })).toBeDefined();
    expect(calls[0]?.body).toEqual({
      clientId: "client-123",
      ...ENDPOINTS,
      samlSso: false,
      clientAuthMethod: "client_secret_basic",
      environmentOverride: null,
    });
    expect(calls[1]?.body).toEqual({ wizardStep: "connect" });
  });

  it("when the server rejects a field, then its message shows by that field and the step stays", async () => {
    const { user } = await openDetails({ clientSecretSet: true, clientId: "client-123", ...ENDPOINTS });
    server.use(
      api.error("put", routes.connectorDetails("c1"), 400, {
        code: "validation_failed",
        message: "Some details need fixing.",
        fields: { clientId: "Client ID is not known to this tenant: copy it again from View API Clients." },
      }),
    );
    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByText("Some details need fixing.");
    expect(messageOf(field("Client ID"))).toBe("Client ID is not known to this tenant: copy it again from View API Clients.");
    await user.type(field("Client ID"), "x");
    expect(messageOf(field("Client ID"))).toBeNull();
  });

  it("when Advanced options are changed, then they are sent with the details", async () => {
    const { user, calls } = await openDetails({ clientSecretSet: true, clientId: "client-123", ...ENDPOINTS });
    await user.click(screen.getByText("Advanced"));
    await user.selectOptions(screen.getByRole("combobox", { name: "Client authentication" }), "Client secret in the request body");
    await user.selectOptions(screen.getByRole("combobox", { name: "Environment" }), "Production");
    expect(screen.getByText("Environment: Production (set under Advanced).")).toBeDefined();
    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("heading", { level: 2, name: "Connect" });
    expect(calls[0]?.body).toMatchObject({ clientAuthMethod: "client_secret_post", environmentOverride: "production" });
  });
});
