import { Router, type Request, type Response } from "express";
import { SCENARIO_NAMES, type ScenarioName } from "../activity/scenarios";
import { activityScenarioSchema, parseBody, createTenantSchema } from "../control/schemas";
import { html } from "../lib/html";
import type { SimState } from "../model/state";
import { injectScenario } from "../model/tenant-admin";
import { TENANT_KINDS, type Tenant } from "../model/tenant";
import { formOf } from "./form";
import { adminPage, checkbox, flashOf, select, tenantHref, textField, TENANT_TASKS } from "./layout";

const on = (value: boolean): string => (value ? "On" : "Off");

function tenantCard(state: SimState, tenant: Tenant) {
  const { authorizationEndpoint } = state.endpoints(tenant.name);
  return html`<section aria-labelledby="t-${tenant.name}">
  <h2 id="t-${tenant.name}"><a href="${tenantHref(tenant)}">${tenant.name}</a> <small>(${tenant.kind})</small></h2>
  <p>User Activity Logging: ${on(tenant.settings.userActivityLogging)} · OAuth 2.0 Clients Enabled: ${on(tenant.settings.oauthClientsEnabled)} ·
  SAML: ${on(tenant.settings.samlSso)} · Active permissions: ${tenant.permissions.active.size}/5 · API clients: ${tenant.clients.size}</p>
  <p>Authorization Endpoint: <code>${authorizationEndpoint}</code></p>
  <ul class="tasks">${TENANT_TASKS.map((t) => html`<li><a href="${tenantHref(tenant, t.path)}">${t.title}</a></li>`)}</ul>
</section>`;
}

const SCENARIO_TITLES: Readonly<Record<ScenarioName, string>> = {
  "worker-read-burst": "Worker read burst: one worker views 60 workers in 5 minutes",
  "security-change": "Security change: admin edits permissions, activates them, edits security setup",
  "foreign-address": "Foreign address: a worker signs in from 185.220.101.23",
  "isu-browser": "ISU from a browser: isu_wdconnect browses in Chrome",
  "proxy-session": "Proxy session: admin acts as a worker and reads their pay slip",
};

function scenarioForm(tenant: Tenant) {
  return html`<h2>Inject a scenario</h2>
<form method="post" action="${tenantHref(tenant, "activity-scenarios")}">
  <p>Logs the scenario's activity rows now, as if they had happened in Workday (User Activity Logging must be on).</p>
  ${select(
    "scenario",
    "Scenario",
    SCENARIO_NAMES.map((name) => [name, SCENARIO_TITLES[name]] as const),
    SCENARIO_NAMES[0],
  )}
  <button type="submit">Inject Scenario</button>
</form>`;
}

/** "Scenario worker-read-burst: 60 rows logged as tara.walsh." from the redirect's query. */
function scenarioFlash(query: Record<string, unknown>): string | undefined {
  const { scenario, rows, account } = query;
  if (query.done !== "scenario" || typeof scenario !== "string" || typeof rows !== "string" || typeof account !== "string") return undefined;
  if (!(SCENARIO_NAMES as readonly string[]).includes(scenario) || !/^\d+$/.test(rows)) return undefined;
  return `Scenario ${scenario}: ${rows} rows logged as ${account}.`;
}

/** Home (all tenants), tenant overview, create tenant, reset. */
export function homePages(state: SimState): Router {
  const router = Router();

  router.get("/", (req, res) => {
    const body = html`${[...state.tenants.values()].map((t) => tenantCard(state, t))}
<h2>Create Tenant</h2>
<form method="post" action="/_sim/tenants">
  ${textField("name", "Tenant Name")}
  ${select(
    "kind",
    "Tenant Type",
    TENANT_KINDS.map((k) => [k, k] as const),
    "sandbox",
  )}
  ${checkbox("prepared", "Prepared (OAuth clients enabled, activity logging on, all permissions)", false)}
  ${checkbox("samlSso", "SAML SSO on", false)}
  <button type="submit">Create Tenant</button>
</form>
<h2>Reset</h2>
<form method="post" action="/_sim/reset"><p>Back to the seeded tenants; forgets clients, tokens, faults and logs.</p><button type="submit" class="danger">Reset Simulator</button></form>
<p>Sign in to Workday as <code>admin</code> / <code>Workday-admin-1</code> or <code>isu_wdconnect</code> / <code>Workday-isu-1</code>.</p>`;
    res.type("html").send(adminPage("Tenants", body, { flash: flashOf(req.query, { reset: "The simulator was reset.", created: "Tenant created." }) }));
  });

  router.post("/reset", (_req, res) => {
    state.reset();
    res.redirect(303, "/_sim/?done=reset");
  });

  router.post("/tenants", (req, res) => {
    const form = formOf(req.body);
    const input = parseBody(createTenantSchema, {
      name: form.text("name").trim(),
      kind: form.text("kind"),
      prepared: form.flag("prepared"),
      samlSso: form.flag("samlSso"),
    });
    state.addTenant(input);
    res.redirect(303, "/_sim/?done=created");
  });

  router.get("/tenants/:tenant", (req: Request<{ tenant: string }>, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const body = html`${tenantCard(state, tenant)}${scenarioForm(tenant)}`;
    res.type("html").send(adminPage(`Tenant ${tenant.name}`, body, { tenant, flash: scenarioFlash(req.query) }));
  });

  router.post("/tenants/:tenant/activity-scenarios", (req: Request<{ tenant: string }>, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const { scenario } = parseBody(activityScenarioSchema, { scenario: formOf(req.body).text("scenario") });
    const result = injectScenario(state, tenant, { scenario });
    const query = new URLSearchParams({ done: "scenario", scenario, rows: String(result.rows), account: result.account });
    res.redirect(303, `${tenantHref(tenant)}?${query.toString()}`);
  });

  return router;
}
