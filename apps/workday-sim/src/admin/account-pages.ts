import { Router, type Request, type Response } from "express";
import { accountSchema, parseBody } from "../control/schemas";
import { html } from "../lib/html";
import type { SimState } from "../model/state";
import { addAccount, updateAccount } from "../model/tenant-admin";
import type { Account } from "../model/tenant";
import { formOf } from "./form";
import { adminPage, checkbox, flashOf, select, tenantHref, textField } from "./layout";

type TenantReq = Request<{ tenant: string }>;

const statusOf = (a: Account): string => (a.disabled ? "Disabled" : a.locked ? "Locked" : "Active");

/** Workday accounts: add, lock/unlock, disable/enable. */
export function accountPages(state: SimState): Router {
  const router = Router();

  router.get("/tenants/:tenant/accounts", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const rows = [...tenant.accounts.values()].map((a) => {
      const action = tenantHref(tenant, `accounts/${encodeURIComponent(a.username)}`);
      return html`<tr><td>${a.username}</td><td>${a.kind}</td><td>${a.memberOfConnectorGroup ? "Yes" : "No"}</td><td>${statusOf(a)}</td>
<td><form method="post" class="inline" action="${action}"><input type="hidden" name="disabled" value="${a.disabled ? "false" : "true"}"><button type="submit" class="secondary">${a.disabled ? "Enable" : "Disable"} ${a.username}</button></form>
<form method="post" class="inline" action="${action}"><input type="hidden" name="locked" value="${a.locked ? "false" : "true"}"><button type="submit" class="secondary">${a.locked ? "Unlock" : "Lock"} ${a.username}</button></form></td></tr>`;
    });
    const body = html`<table><thead><tr><th>Username</th><th>Account Type</th><th>In Security Group</th><th>Status</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Create Workday Account</h2>
<form method="post" action="${tenantHref(tenant, "accounts")}">
  ${textField("username", "Username")}
  ${textField("password", "Password", "", "password")}
  ${select(
    "kind",
    "Account Type",
    [
      ["user", "User"],
      ["integration_system_user", "Integration System User"],
      ["administrator", "Administrator"],
    ],
    "user",
  )}
  ${checkbox("memberOfConnectorGroup", "Member of the connector's security group", true)}
  <button type="submit">Create Account</button>
</form>`;
    const flash = flashOf(req.query, { created: "Account created.", updated: "Account updated." });
    res.type("html").send(adminPage("Workday Accounts", body, { tenant, flash }));
  });

  router.post("/tenants/:tenant/accounts", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const form = formOf(req.body);
    const input = {
      username: form.text("username").trim(),
      password: form.text("password"),
      kind: form.text("kind") || "user",
      memberOfConnectorGroup: form.flag("memberOfConnectorGroup"),
    };
    addAccount(tenant, parseBody(accountSchema, input));
    res.redirect(303, `${tenantHref(tenant, "accounts")}?done=created`);
  });

  router.post("/tenants/:tenant/accounts/:username", (req: Request<{ tenant: string; username: string }>, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const form = formOf(req.body);
    const flag = (name: string): boolean | undefined => (form.optionalText(name) === undefined ? undefined : form.flag(name));
    updateAccount(tenant, req.params.username, { disabled: flag("disabled"), locked: flag("locked") });
    res.redirect(303, `${tenantHref(tenant, "accounts")}?done=updated`);
  });

  return router;
}
