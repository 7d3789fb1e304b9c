import { Router, type Request, type Response } from "express";
import { html } from "../lib/html";
import type { SimState } from "../model/state";
import { updateSettings } from "../model/tenant-admin";
import { formOf } from "./form";
import { adminPage, checkbox, flashOf, tenantHref } from "./layout";

type TenantReq = Request<{ tenant: string }>;
const SAVED = { saved: "Your changes were saved." };

/** "Edit Tenant Setup – System" and "Edit Tenant Setup – Security". */
export function tenantSetupPages(state: SimState): Router {
  const router = Router();

  router.get("/tenants/:tenant/edit-tenant-setup-system", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const body = html`<form method="post">
  <fieldset><legend>User Activity Logging</legend>
  ${checkbox("enableUserActivityLogging", "Enable User Activity Logging", tenant.settings.userActivityLogging)}
  </fieldset>
  <button type="submit">OK</button>
</form>`;
    res.type("html").send(adminPage("Edit Tenant Setup – System", body, { tenant, flash: flashOf(req.query, SAVED) }));
  });
  router.post("/tenants/:tenant/edit-tenant-setup-system", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    updateSettings(tenant, { userActivityLogging: formOf(req.body).flag("enableUserActivityLogging") });
    res.redirect(303, `${tenantHref(tenant, "edit-tenant-setup-system")}?done=saved`);
  });

  router.get("/tenants/:tenant/edit-tenant-setup-security", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const body = html`<form method="post">
  <fieldset><legend>OAuth 2.0 Settings</legend>
  ${checkbox("oauthClientsEnabled", "OAuth 2.0 Clients Enabled", tenant.settings.oauthClientsEnabled)}
  </fieldset>
  <fieldset><legend>SAML Setup</legend>
  ${checkbox("enableSamlAuthentication", "Enable SAML Authentication", tenant.settings.samlSso)}
  <p>With SAML on, the authorization endpoint sends people to ${tenant.companyName}'s identity provider unless the
  URL carries redirect=n.</p>
  </fieldset>
  <button type="submit">OK</button>
</form>`;
    res.type("html").send(adminPage("Edit Tenant Setup – Security", body, { tenant, flash: flashOf(req.query, SAVED) }));
  });
  router.post("/tenants/:tenant/edit-tenant-setup-security", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const form = formOf(req.body);
    updateSettings(tenant, { oauthClientsEnabled: form.flag("oauthClientsEnabled"), samlSso: form.flag("enableSamlAuthentication") });
    res.redirect(303, `${tenantHref(tenant, "edit-tenant-setup-security")}?done=saved`);
  });

  return router;
}
