import { Router, type Request } from "express";
import {
  activityExportQuerySchema,
  activityListQuerySchema,
  resyncRequestSchema,
  syncSettingsRequestSchema,
  type AccountsResponse,
  type ActivityFilter,
  type SyncStatusResponse,
} from "@wc/contracts";
import { AppError } from "../platform/http/app-error";
import { requireAdmin, requirePrincipal, requireSupport } from "../auth";
import { actorOf, audit, diff } from "../audit";
import { param, parseQuery, withBody } from "../platform/http/validate";
import type { ActivityDeps } from "./activity-deps";
import { streamActivityExport } from "./activity-export";
import { filterOf, listActivityPage } from "./activity-list";
import type { ActivitySync } from "./activity-scheduler";
import { requestResync, syncStatus, updateSyncSettings } from "./activity-status";
import { loadConnector } from "../connectors";

/** The connector named in the path; a different connectorId in the query is a mistake, not a filter. */
async function scoped(d: ActivityDeps, req: Request, filter: ActivityFilter): Promise<ActivityFilter> {
  const id = param(req, "id");
  await loadConnector(d, id);
  if (filter.connectorId !== undefined && filter.connectorId !== id) {
    throw new AppError(400, "validation_failed", "Some fields need fixing.", { connectorId: "This list is already for one connector; leave connectorId out." });
  }
  return { ...filter, connectorId: id };
}

/** GET /api/activity[/export]: activity across connectors (support and admins). */
export function activityRouter(d: ActivityDeps) {
  const r = Router();
  r.get("/", requireSupport, async (req, res) => {
    const q = parseQuery(activityListQuerySchema, req);
    res.setHeader("Cache-Control", "no-store");
    res.json(await listActivityPage(d.store, q, filterOf(q)));
  });
  r.get("/export", requireSupport, async (req, res) => {
    const q = parseQuery(activityExportQuerySchema, req);
    await streamActivityExport(res, d, filterOf(q), q.format, "all");
  });
  return r;
}

/** /api/connectors/:id/{activity,accounts,sync}: reads for support and admins, changes for admins. */
export function connectorActivityRouter(d: ActivityDeps, sync: ActivitySync) {
  const r = Router();
  r.get("/:id/activity", requireSupport, async (req, res) => {
    const q = parseQuery(activityListQuerySchema, req);
    const filter = await scoped(d, req, filterOf(q));
    res.setHeader("Cache-Control", "no-store");
    res.json(await listActivityPage(d.store, q, filter));
  });
  r.get("/:id/activity/export", requireSupport, async (req, res) => {
    const q = parseQuery(activityExportQuerySchema, req);
    const filter = await scoped(d, req, filterOf(q));
    await streamActivityExport(res, d, filter, q.format, param(req, "id"));
  });
  r.get("/:id/accounts", requireSupport, async (req, res) => {
    const id = param(req, "id");
    await loadConnector(d, id);
    const state = await d.store.getSyncState(id);
    const body: AccountsResponse = { accounts: await d.store.listWorkers(id), refreshedAt: state?.workersRefreshedAt ?? null };
    res.json(body);
  });
  r.get("/:id/sync", requireSupport, async (req, res) => {
    const body: SyncStatusResponse = { sync: await syncStatus(d, sync, param(req, "id")) };
    res.setHeader("Cache-Control", "no-store");
    res.json(body);
  });
  r.put(
    "/:id/sync/settings",
    requireAdmin,
    withBody(syncSettingsRequestSchema, async (req, res, settings) => {
      const id = param(req, "id");
      const before = await syncStatus(d, sync, id);
      const body: SyncStatusResponse = { sync: await updateSyncSettings(d, sync, id, settings, requirePrincipal(res).name) };
      const c = await loadConnector(d, id);
      await audit(d, actorOf(req, res), {
        action: "connector.sync_settings_changed",
        targetType: "connector",
        targetId: id,
        targetName: c.name,
        ...diff(before.settings, body.sync.settings),
      });
      res.json(body);
    }),
  );
  r.post(
    "/:id/sync/resync",
    requireAdmin,
    withBody(resyncRequestSchema, async (req, res, window) => {
      const id = param(req, "id");
      const body: SyncStatusResponse = { sync: await requestResync(d, sync, id, window, requirePrincipal(res).name) };
      const c = await loadConnector(d, id);
      await audit(d, actorOf(req, res), {
        action: "connector.resync_requested",
        targetType: "connector",
        targetId: id,
        targetName: c.name,
        after: { from: window.from, to: window.to },
      });
      res.status(202).json(body);
    }),
  );
  return r;
}
