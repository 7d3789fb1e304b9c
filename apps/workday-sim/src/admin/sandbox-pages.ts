import { Router, type Request, type Response } from "express";
import { html } from "../lib/html";
import { isoMillis } from "../lib/time";
import { nextWeeklyRefresh, refreshSandbox, setWeeklySchedule } from "../model/sandbox-refresh";
import type { SimState } from "../model/state";
import type { SandboxRefreshMode } from "../model/tenant";
import { formOf } from "./form";
import { adminPage, checkbox, flashOf, select, tenantHref } from "./layout";

type TenantReq = Request<{ tenant: string }>;

const MODES = [
  ["tokens", "Tokens only (API clients survive, copied from production)"],
  ["full", "Full (API clients registered in the sandbox are deleted too)"],
] as const;

const modeOf = (value: string): SandboxRefreshMode => (value === "full" ? "full" : "tokens");

/** Sandbox refresh: now, or weekly on Friday 18:00 Pacific like Workday. */
export function sandboxPages(state: SimState): Router {
  const router = Router();

  router.get("/tenants/:tenant/sandbox-refresh", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const { weekly, mode, lastRefreshAt } = tenant.sandboxRefresh;
    const body =
      tenant.kind === "production"
        ? html`<p>${tenant.name} is a production tenant. Only sandbox and implementation tenants are refreshed.</p>`
        : html`<p>Last refresh: ${lastRefreshAt === null ? "never" : isoMillis(lastRefreshAt)}.
${weekly ? html`Next weekly refresh: ${isoMillis(nextWeeklyRefresh(state.now()))}.` : ""}</p>
<p>A refresh ends every refresh and access token issued in this tenant.</p>
<h2>Refresh Now</h2>
<form method="post" action="${tenantHref(tenant, "sandbox-refresh")}">
  ${select("mode", "Mode", MODES, "tokens")}
  <button type="submit">Refresh Now</button>
</form>
<h2>Weekly Schedule</h2>
<form method="post" action="${tenantHref(tenant, "sandbox-refresh/schedule")}">
  ${checkbox("weekly", "Refresh weekly (Friday 6:00 PM Pacific)", weekly)}
  ${select("scheduleMode", "Scheduled Mode", MODES, mode)}
  <button type="submit">Save Schedule</button>
</form>`;
    const flash = flashOf(req.query, { refreshed: "The sandbox was refreshed.", scheduled: "Schedule saved." });
    res.type("html").send(adminPage("Sandbox Refresh", body, { tenant, flash }));
  });

  router.post("/tenants/:tenant/sandbox-refresh", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    refreshSandbox(state, tenant, modeOf(formOf(req.body).text("mode")));
    res.redirect(303, `${tenantHref(tenant, "sandbox-refresh")}?done=refreshed`);
  });
  router.post("/tenants/:tenant/sandbox-refresh/schedule", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const form = formOf(req.body);
    setWeeklySchedule(state, tenant, form.flag("weekly"), modeOf(form.text("scheduleMode")));
    res.redirect(303, `${tenantHref(tenant, "sandbox-refresh")}?done=scheduled`);
  });

  return router;
}
