import { Router, type Request, type Response } from "express";
import { revokeSchema, parseBody } from "../control/schemas";
import { html } from "../lib/html";
import { isoMillis } from "../lib/time";
import { revokeRefreshTokens } from "../model/clients";
import type { SimState } from "../model/state";
import { formOf } from "./form";
import { adminPage, flashOf, tenantHref } from "./layout";

/** "Manage Refresh Tokens for Integrations": who holds a refresh token, and revoking them. */
export function refreshTokenPages(state: SimState): Router {
  const router = Router();

  router.get("/tenants/:tenant/manage-refresh-tokens", (req: Request<{ tenant: string }>, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const sections = [...tenant.clients.values()].map((c) => {
      const tokens = state.tokens.refreshTokensOf(tenant.name, c.clientId);
      const action = tenantHref(tenant, `manage-refresh-tokens/${encodeURIComponent(c.clientId)}/revoke`);
      return html`<section><h2>${c.clientName}</h2>
${
  tokens.length === 0
    ? html`<p>No refresh tokens.</p>`
    : html`<table><thead><tr><th>Workday Account</th><th>Issued</th><th>Last Used</th><th>Refresh Token</th><th></th></tr></thead><tbody>${tokens.map(
        (t) => html`<tr><td>${t.username}</td><td>${isoMillis(t.issuedAt)}</td><td>${isoMillis(t.lastUsedAt)}</td><td>…${t.token.slice(-6)}</td>
<td><form method="post" class="inline" action="${action}"><input type="hidden" name="tokenId" value="${t.id}"><button type="submit" class="secondary">Revoke</button></form></td></tr>`,
      )}</tbody></table>
<form method="post" action="${action}"><button type="submit" class="danger">Revoke All Refresh Tokens</button></form>`
}</section>`;
    });
    const body = sections.length > 0 ? html`${sections}` : html`<p>No API clients are registered.</p>`;
    res
      .type("html")
      .send(adminPage("Manage Refresh Tokens for Integrations", body, { tenant, flash: flashOf(req.query, { revoked: "Refresh tokens revoked." }) }));
  });

  router.post("/tenants/:tenant/manage-refresh-tokens/:clientId/revoke", (req: Request<{ tenant: string; clientId: string }>, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const tokenId = formOf(req.body).optionalText("tokenId");
    const input = parseBody(revokeSchema, tokenId === undefined ? {} : { tokenId });
    revokeRefreshTokens(state, tenant, req.params.clientId, input.tokenId);
    res.redirect(303, `${tenantHref(tenant, "manage-refresh-tokens")}?done=revoked`);
  });

  return router;
}
