import { Router, type Request, type Response } from "express";
import { clientSchema, parseBody } from "../control/schemas";
import { html } from "../lib/html";
import { deleteClient, regenerateSecret, registerClient } from "../model/clients";
import { FUNCTIONAL_AREAS } from "../model/permissions";
import type { SimState } from "../model/state";
import type { ApiClient, Tenant } from "../model/tenant";
import { formOf } from "./form";
import { adminPage, checkbox, flashOf, select, tenantHref, textField, valuesTable } from "./layout";

type TenantReq = Request<{ tenant: string }>;
type ClientReq = Request<{ tenant: string; clientId: string }>;

const slug = (area: string): string => area.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/** The five values in the order and with the labels Workday uses. */
function fiveValues(state: SimState, tenant: Tenant, client: ApiClient, withSecret: boolean): (readonly [string, string])[] {
  const e = state.endpoints(tenant.name);
  return [
    ["Client ID", client.clientId],
    ...(withSecret ? ([["Client Secret", client.clientSecret]] as const) : []),
    ["Workday REST API Endpoint", e.restApiEndpoint],
    ["Token Endpoint", e.tokenEndpoint],
    ["Authorization Endpoint", e.authorizationEndpoint],
  ];
}

const registerForm = html`<form method="post">
  ${textField("clientName", "Client Name")}
  ${select("clientGrantType", "Client Grant Type", [["Authorization Code Grant", "Authorization Code Grant"]], "Authorization Code Grant")}
  ${select("accessTokenType", "Access Token Type", [["Bearer", "Bearer"]], "Bearer")}
  ${textField("redirectUri", "Redirection URI", "", "url")}
  ${checkbox("nonExpiringRefreshTokens", "Non-Expiring Refresh Tokens", false)}
  <fieldset><legend>Scope (Functional Areas)</legend>
  ${FUNCTIONAL_AREAS.map((a) => checkbox(`scope-${slug(a)}`, a, false, "scopes", a))}
  </fieldset>
  ${checkbox("includeWorkdayOwnedScope", "Include Workday Owned Scope", false)}
  <button type="submit">OK</button>
</form>`;

/** Register API Client (+ done page), View API Clients, Generate New Client Secret, delete. */
export function clientPages(state: SimState): Router {
  const router = Router();

  router.get("/tenants/:tenant/register-api-client", (req: TenantReq, res: Response) => {
    res.type("html").send(adminPage("Register API Client", registerForm, { tenant: state.tenant(req.params.tenant) }));
  });
  router.post("/tenants/:tenant/register-api-client", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const form = formOf(req.body);
    const input = parseBody(clientSchema, {
      clientName: form.text("clientName"),
      clientGrantType: form.text("clientGrantType") || "Authorization Code Grant",
      accessTokenType: form.text("accessTokenType") || "Bearer",
      redirectUri: form.text("redirectUri").trim(),
      nonExpiringRefreshTokens: form.flag("nonExpiringRefreshTokens"),
      scopes: form.list("scopes"),
    });
    const client = registerClient(state, tenant, input);
    // Rendered directly (no redirect): like Workday, this is the only page that shows the secret.
    const body = html`<p class="ok" role="status">You have successfully registered ${client.clientName}.</p>
<p class="note">Copy the Client Secret now: it is not shown again.</p>
${valuesTable(fiveValues(state, tenant, client, true))}
<p><a href="${tenantHref(tenant, "view-api-clients")}">View API Clients</a></p>`;
    res
      .set("Cache-Control", "no-store")
      .type("html")
      .send(adminPage("Register API Client", body, { tenant }));
  });

  router.get("/tenants/:tenant/view-api-clients", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const sections = [...tenant.clients.values()].map(
      (c) => html`<section><h2>${c.clientName}</h2>
${valuesTable(fiveValues(state, tenant, c, false))}
${valuesTable([
  ["Client Grant Type", c.clientGrantType],
  ["Access Token Type", c.accessTokenType],
  ["Redirection URI", c.redirectUri],
  ["Non-Expiring Refresh Tokens", c.nonExpiringRefreshTokens ? "Yes" : "No"],
  ["Scope (Functional Areas)", c.scopes.join(", ")],
])}
<form method="post" class="inline" action="${tenantHref(tenant, `view-api-clients/${encodeURIComponent(c.clientId)}/secret`)}"><button type="submit">Generate New Client Secret</button></form>
<form method="post" class="inline" action="${tenantHref(tenant, `view-api-clients/${encodeURIComponent(c.clientId)}/delete`)}"><button type="submit" class="danger">Delete API Client</button></form>
</section>`,
    );
    const body =
      sections.length > 0
        ? html`${sections}`
        : html`<p>No API clients are registered. Use <a href="${tenantHref(tenant, "register-api-client")}">Register API Client</a>.</p>`;
    res.type("html").send(adminPage("View API Clients", body, { tenant, flash: flashOf(req.query, { deleted: "The API client was deleted." }) }));
  });
  router.post("/tenants/:tenant/view-api-clients/:clientId/secret", (req: ClientReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const client = regenerateSecret(tenant, req.params.clientId);
    const body = html`<p class="ok" role="status">A new client secret was generated for ${client.clientName}. The old secret no longer works.</p>
${valuesTable(fiveValues(state, tenant, client, true))}`;
    res
      .set("Cache-Control", "no-store")
      .type("html")
      .send(adminPage("Generate New Client Secret", body, { tenant }));
  });
  router.post("/tenants/:tenant/view-api-clients/:clientId/delete", (req: ClientReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    deleteClient(state, tenant, req.params.clientId);
    res.redirect(303, `${tenantHref(tenant, "view-api-clients")}?done=deleted`);
  });

  return router;
}
