import { html, page, type SafeHtml } from "../lib/html";
import type { Tenant } from "../model/tenant";

/** The Workday task pages of one tenant, in the order an admin needs them. */
export const TENANT_TASKS = [
  { path: "edit-tenant-setup-system", title: "Edit Tenant Setup – System" },
  { path: "edit-tenant-setup-security", title: "Edit Tenant Setup – Security" },
  { path: "domain-security-policies", title: "Domain Security Policies for Functional Area" },
  { path: "activate-pending-security-policy-changes", title: "Activate Pending Security Policy Changes" },
  { path: "register-api-client", title: "Register API Client" },
  { path: "view-api-clients", title: "View API Clients" },
  { path: "manage-refresh-tokens", title: "Manage Refresh Tokens for Integrations" },
  { path: "accounts", title: "Workday Accounts" },
  { path: "sandbox-refresh", title: "Sandbox Refresh" },
] as const;

export const tenantHref = (tenant: Tenant, path = ""): string => `/_sim/tenants/${encodeURIComponent(tenant.name)}${path ? `/${path}` : ""}`;

/** A simulator admin page: header with navigation, optional tenant breadcrumb, flash message. */
export function adminPage(title: string, body: SafeHtml, options: { tenant?: Tenant; flash?: string | undefined } = {}): string {
  const { tenant, flash } = options;
  return page(
    `${title} · Workday simulator`,
    html`<header class="sim">
  <a href="/_sim/">Workday simulator</a>
  <nav aria-label="Simulator"><a href="/_sim/">Tenants</a><a href="/_sim/faults">Faults</a>${tenant ? html`<a href="${tenantHref(tenant)}">Tenant ${tenant.name}</a>` : ""}</nav>
</header>
<main>
  <h1>${title}</h1>
  ${tenant ? html`<p>Tenant: <strong>${tenant.name}</strong> (${tenant.kind})</p>` : ""}
  ${flash ? html`<p class="ok" role="status">${flash}</p>` : ""}
  ${body}
</main>`,
  );
}

export function checkbox(id: string, label: string, checked: boolean, name = id, value = "on"): SafeHtml {
  return html`<div class="check"><input type="checkbox" id="${id}" name="${name}" value="${value}"${checked ? html` checked` : ""}><label for="${id}">${label}</label></div>`;
}

export function textField(id: string, label: string, value = "", type = "text"): SafeHtml {
  return html`<label for="${id}">${label}</label><input type="${type}" id="${id}" name="${id}" value="${value}">`;
}

export function select(id: string, label: string, options: readonly (readonly [string, string])[], selected?: string): SafeHtml {
  return html`<label for="${id}">${label}</label><select id="${id}" name="${id}">${options.map(
    ([value, text]) => html`<option value="${value}"${value === selected ? html` selected` : ""}>${text}</option>`,
  )}</select>`;
}

/** Label/value rows, one per line, so a person can select and copy the whole block. */
export function valuesTable(rows: readonly (readonly [string, string])[], caption?: string): SafeHtml {
  return html`<table class="values">${caption ? html`<caption>${caption}</caption>` : ""}<tbody>${rows.map(
    ([label, value]) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`,
  )}</tbody></table>`;
}

/** Reads a flash message key from ?done=… so POST/redirect/GET can say what happened. */
export function flashOf(query: unknown, messages: Readonly<Record<string, string>>): string | undefined {
  const done = typeof query === "object" && query !== null && "done" in query ? query.done : undefined;
  return typeof done === "string" ? messages[done] : undefined;
}
