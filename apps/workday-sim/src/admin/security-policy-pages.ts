import { Router, type Request, type Response } from "express";
import { html } from "../lib/html";
import { PERMISSIONS } from "../model/permissions";
import type { SimState } from "../model/state";
import { activatePendingChanges, hasPendingChanges, setPermission } from "../model/tenant-admin";
import type { Tenant } from "../model/tenant";
import { formOf } from "./form";
import { adminPage, flashOf, tenantHref } from "./layout";

type TenantReq = Request<{ tenant: string }>;

function statusOf(tenant: Tenant, key: (typeof PERMISSIONS)[number]["key"]): string {
  const granted = tenant.permissions.granted.has(key);
  const active = tenant.permissions.active.has(key);
  if (granted === active) return active ? "Active" : "Not permitted";
  return granted ? "Pending: permitted after activation" : "Pending: removed after activation";
}

/** "Domain Security Policies for Functional Area" and "Activate Pending Security Policy Changes". */
export function securityPolicyPages(state: SimState): Router {
  const router = Router();

  router.get("/tenants/:tenant/domain-security-policies", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const rows = PERMISSIONS.map(
      (p) => html`<tr>
  <td>${p.functionalArea}</td>
  <td><label for="permitted-${p.key}">${p.domain}</label></td>
  <td>${p.reportTask}</td><td>${p.integration}</td>
  <td><input type="checkbox" id="permitted-${p.key}" name="permitted" value="${p.key}"${tenant.permissions.granted.has(p.key) ? html` checked` : ""}></td>
  <td>${statusOf(tenant, p.key)}</td>
</tr>`,
    );
    const body = html`<p>Security group of the connector's Integration System User. Changes stay pending until
<a href="${tenantHref(tenant, "activate-pending-security-policy-changes")}">Activate Pending Security Policy Changes</a>.</p>
<form method="post">
<table><thead><tr><th>Functional Area</th><th>Domain Security Policy</th><th>Report/Task Permissions</th><th>Integration Permissions</th><th>Permitted</th><th>Status</th></tr></thead>
<tbody>${rows}</tbody></table>
<button type="submit">OK</button>
</form>`;
    const flash = flashOf(req.query, { saved: "Saved. These changes are pending until you activate them." });
    res.type("html").send(adminPage("Domain Security Policies for Functional Area", body, { tenant, flash }));
  });
  router.post("/tenants/:tenant/domain-security-policies", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const permitted = new Set(formOf(req.body).list("permitted"));
    for (const p of PERMISSIONS) setPermission(tenant, p.key, permitted.has(p.key));
    res.redirect(303, `${tenantHref(tenant, "domain-security-policies")}?done=saved`);
  });

  router.get("/tenants/:tenant/activate-pending-security-policy-changes", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const pending = PERMISSIONS.filter((p) => tenant.permissions.granted.has(p.key) !== tenant.permissions.active.has(p.key));
    const body = html`${
      hasPendingChanges(tenant)
        ? html`<p>Pending changes:</p><ul>${pending.map((p) => html`<li>${p.domain}: ${statusOf(tenant, p.key)}</li>`)}</ul>`
        : html`<p>There are no pending security policy changes.</p>`
    }
<form method="post">
  <label for="comment">Comment</label>
  <textarea id="comment" name="comment" rows="3"></textarea>
  <button type="submit">OK</button>
</form>`;
    const flash = flashOf(req.query, { activated: "Pending security policy changes were activated." });
    res.type("html").send(adminPage("Activate Pending Security Policy Changes", body, { tenant, flash }));
  });
  router.post("/tenants/:tenant/activate-pending-security-policy-changes", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    activatePendingChanges(tenant);
    res.redirect(303, `${tenantHref(tenant, "activate-pending-security-policy-changes")}?done=activated`);
  });

  return router;
}
