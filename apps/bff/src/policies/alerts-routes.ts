import { Router } from "express";
import {
  alertListQuerySchema,
  alertsStatusRequestSchema,
  alertStatusRequestSchema,
  type AlertDetail,
  type AlertListResponse,
  type AlertsStatusResponse,
  type AlertView,
} from "@wc/contracts";
import { param, parseQuery, withBody } from "../platform/http/validate";
import { AppError } from "../platform/http/app-error";
import { requireAdmin, requirePrincipal, requireSupport } from "../auth";
import { actorOf, audit, type AuditDeps } from "../audit";
import type { AlertWithConnector } from "./policy-store";

/** Rows an alert's page lists; the Activity page has the rest. */
const ALERT_ROWS_SHOWN = 500;

const toView = (a: AlertWithConnector): AlertView => ({
  id: a.id,
  policyId: a.policyId,
  policyName: a.policyName,
  severity: a.severity,
  connector: { id: a.connectorId, name: a.connectorName, tenant: a.tenant },
  account: a.account,
  status: a.status,
  rowCount: a.rowCount,
  firstRowAt: a.firstRowAt,
  lastRowAt: a.lastRowAt,
  raisedAt: a.raisedAt,
  note: a.note,
  closedBy: a.closedBy,
  closedAt: a.closedAt,
});

const encodeCursor = (a: { raisedAt: string; id: string }) => Buffer.from(JSON.stringify([a.raisedAt, a.id])).toString("base64url");
function decodeCursor(cursor: string): { raisedAt: string; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string") return { raisedAt: v[0], id: v[1] };
  } catch {
    // falls through to the 400
  }
  throw new AppError(400, "validation_failed", "Some fields need fixing.", { cursor: "Cursor is not one this server issued." });
}

const ACTIONS = { resolved: "alert.resolved", dismissed: "alert.dismissed", open: "alert.reopened" } as const;
const BULK_ACTIONS = { resolved: "alerts.resolved", dismissed: "alerts.dismissed", open: "alerts.reopened" } as const;
/** "1 open alert", "4,632 resolved alerts". */
const alertsOf = (n: number, status: string) => `${n.toLocaleString("en")} ${status} alert${n === 1 ? "" : "s"}`;

/** Alerts raised by activity policies: support reads, admins resolve, dismiss or reopen them (audited). */
export function alertsRouter(d: AuditDeps) {
  const r = Router();

  const load = async (id: string) => {
    const a = await d.store.getAlert(id);
    if (!a) throw new AppError(404, "not_found", "No such alert.");
    return a;
  };

  r.get("/", requireSupport, async (req, res) => {
    const q = parseQuery(alertListQuerySchema, req);
    const { pageSize, cursor, ...filter } = q;
    const page = await d.store.listAlerts({ ...filter, limit: pageSize + 1, after: cursor === undefined ? undefined : decodeCursor(cursor) });
    const shown = page.slice(0, pageSize);
    const last = shown.at(-1);
    const { status: _status, ...others } = filter;
    const counts = await d.store.countAlertsByStatus(others);
    const body: AlertListResponse = {
      alerts: shown.map(toView),
      nextCursor: page.length > pageSize && last ? encodeCursor(last) : null,
      counts: { open: counts.open ?? 0, resolved: counts.resolved ?? 0, dismissed: counts.dismissed ?? 0 },
    };
    res.json(body);
  });

  r.get("/:id", requireSupport, async (req, res) => {
    const a = await load(param(req, "id"));
    const rows = await d.store.listAlertRows(a.id, ALERT_ROWS_SHOWN + 1);
    const body: AlertDetail = { ...toView(a), rows: rows.slice(0, ALERT_ROWS_SHOWN), moreRows: rows.length > ALERT_ROWS_SHOWN };
    res.json(body);
  });

  // One request for every alert a filter matches: a broad policy raises them by the thousand.
  r.post(
    "/bulk-status",
    requireAdmin,
    withBody(alertsStatusRequestSchema, async (req, res, b) => {
      const closing = b.status !== "open";
      const result = await d.store.setAlertsStatus(
        { ...b.filter, status: b.from },
        {
          status: b.status,
          note: b.note === "" ? null : b.note,
          closedBy: closing ? requirePrincipal(res).name : null,
          closedAt: closing ? d.now().toISOString() : null,
        },
        b.count,
      );
      if (!result.changed) {
        throw new AppError(
          409,
          "conflict",
          `${alertsOf(result.matched, b.from)} ${result.matched === 1 ? "matches" : "match"} these filters now, not ${b.count.toLocaleString("en")}: one was raised or changed meanwhile. Nothing was changed; read the list again.`,
        );
      }
      await audit(d, actorOf(req, res), {
        action: BULK_ACTIONS[b.status],
        targetType: "alert",
        targetName: alertsOf(result.matched, b.from),
        before: { status: b.from, count: result.matched, ...b.filter },
        after: { status: b.status, note: b.note === "" ? null : b.note },
      });
      const body: AlertsStatusResponse = { changed: result.matched };
      res.json(body);
    }),
  );

  r.post(
    "/:id/status",
    requireAdmin,
    withBody(alertStatusRequestSchema, async (req, res, b) => {
      const before = await load(param(req, "id"));
      if (before.status === b.status) throw new AppError(409, "conflict", `The alert is already ${b.status}.`);
      const closing = b.status !== "open";
      const at = d.now().toISOString();
      const after = await d.store.setAlertStatus(before.id, {
        status: b.status,
        note: b.note === "" ? null : b.note,
        closedBy: closing ? requirePrincipal(res).name : null,
        closedAt: closing ? at : null,
        // Only from the status this request saw: of two people resolving at once, one changes it.
        from: before.status,
      });
      if (!after) {
        const now = await d.store.getAlert(before.id);
        if (!now) throw new AppError(404, "not_found", "No such alert.");
        throw new AppError(409, "conflict", `Someone else changed this alert meanwhile: it is now ${now.status}. Reload it to see their note.`);
      }
      await audit(d, actorOf(req, res), {
        action: ACTIONS[b.status],
        targetType: "alert",
        targetId: before.id,
        targetName: `${before.policyName}: ${before.account}`,
        before: { status: before.status, note: before.note },
        after: { status: after.status, note: after.note },
      });
      res.json(toView({ ...before, ...after }));
    }),
  );

  return r;
}
