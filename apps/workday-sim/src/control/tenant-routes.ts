import { Router, type Request, type Response } from "express";
import { controlError } from "../lib/http-error";
import { isoMillis } from "../lib/time";
import { isPermissionKey } from "../model/permissions";
import { refreshSandbox, setWeeklySchedule } from "../model/sandbox-refresh";
import type { SimState } from "../model/state";
import {
  activatePendingChanges,
  addAccount,
  injectScenario,
  logActivity,
  setActivity,
  setPermission,
  updateAccount,
  updateSettings,
} from "../model/tenant-admin";
import { tenantView } from "../model/tenant-view";
import type { Account } from "../model/tenant";
import {
  accountPatchSchema,
  accountSchema,
  activityEventSchema,
  activityScenarioSchema,
  activitySchema,
  createTenantSchema,
  parseBody,
  permissionSchema,
  sandboxRefreshSchema,
  scheduleSchema,
  settingsSchema,
} from "./schemas";

type TenantReq = Request<{ tenant: string }>;

const accountView = ({ password: _password, ...account }: Account) => account;

/** /_sim/api/tenants…: tenant settings, permissions, accounts, activity, sandbox refresh. */
export function tenantRoutes(state: SimState): Router {
  const router = Router();

  router.get("/tenants", (_req, res) => {
    res.json({ tenants: [...state.tenants.values()].map((t) => tenantView(state, t)) });
  });
  router.post("/tenants", (req, res) => {
    const input = parseBody(createTenantSchema, req.body);
    res.status(201).json(tenantView(state, state.addTenant(input)));
  });
  router.get("/tenants/:tenant", (req: TenantReq, res: Response) => {
    res.json(tenantView(state, state.tenant(req.params.tenant)));
  });
  router.patch("/tenants/:tenant/settings", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    updateSettings(tenant, parseBody(settingsSchema, req.body));
    res.json(tenant.settings);
  });

  router.put("/tenants/:tenant/permissions/:key", (req: Request<{ tenant: string; key: string }>, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const { key } = req.params;
    if (!isPermissionKey(key)) throw controlError(404, `Unknown permission '${key}'. Use one of the keys listed in GET /_sim/api/tenants/${tenant.name}.`);
    const { granted } = parseBody(permissionSchema, req.body);
    setPermission(tenant, key, granted);
    const active = tenant.permissions.active.has(key);
    res.json({ key, granted, active, pending: granted !== active });
  });
  router.post("/tenants/:tenant/permissions/activate", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    res.json({ ...activatePendingChanges(tenant), permissions: tenantView(state, tenant).permissions });
  });

  router.post("/tenants/:tenant/accounts", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    res.status(201).json(accountView(addAccount(tenant, parseBody(accountSchema, req.body))));
  });
  router.patch("/tenants/:tenant/accounts/:username", (req: Request<{ tenant: string; username: string }>, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    res.json(accountView(updateAccount(tenant, req.params.username, parseBody(accountPatchSchema, req.body))));
  });

  router.post("/tenants/:tenant/sandbox-refresh", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const { mode } = parseBody(sandboxRefreshSchema, req.body);
    refreshSandbox(state, tenant, mode);
    res.json(tenantView(state, tenant).sandboxRefresh);
  });
  router.put("/tenants/:tenant/sandbox-refresh/schedule", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const { weekly, mode } = parseBody(scheduleSchema, req.body);
    setWeeklySchedule(state, tenant, weekly, mode);
    res.json(tenantView(state, tenant).sandboxRefresh);
  });

  router.put("/tenants/:tenant/activity", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    setActivity(tenant, parseBody(activitySchema, req.body));
    res.json(tenantView(state, tenant).activity);
  });
  router.post("/tenants/:tenant/activity/events", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const { requestTime, sessionId, target, ...event } = parseBody(activityEventSchema, req.body);
    const timeMs = requestTime === undefined ? state.now() : Date.parse(requestTime);
    const logged = logActivity(tenant, { ...event, timeMs, ...(sessionId === undefined ? {} : { sessionId }), ...(target ? { target } : {}) });
    if (!logged) throw controlError(409, `User Activity Logging is off in '${tenant.name}'; nothing was logged.`);
    res.status(201).json({ requestTime: isoMillis(timeMs) });
  });
  router.post("/tenants/:tenant/activity/scenarios", (req: TenantReq, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    res.status(201).json(injectScenario(state, tenant, parseBody(activityScenarioSchema, req.body)));
  });

  return router;
}
