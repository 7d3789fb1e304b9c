import {
  alertsStatusRequestSchema,
  alertStatusRequestSchema,
  policyRequestSchema,
  routes,
  type AlertDetail,
  type AlertListResponse,
  type BacktestResponse,
  type ConnectorSummary,
  type PolicyView,
} from "@wc/contracts";
import { POLICY_TEMPLATES } from "@wc/workday";
import { http, HttpResponse } from "msw";
import type { z } from "zod";
import { CONNECTOR_READS, connectorReadAnswer } from "./fake-connector-list";
import { recorder } from "./handlers";
import { makeAlertDetail, makeBacktest } from "./policy-fixtures";
import { server } from "./server";

interface Options {
  policies?: PolicyView[];
  alerts?: AlertDetail[];
  connectors?: ConnectorSummary[];
  backtest?: BacktestResponse;
  pageSize?: number;
}

const notFound = (what: string) => HttpResponse.json({ error: { code: "not_found", message: `No such ${what}.` } }, { status: 404 });

/** A zod refusal as the BFF answers it: `fields` keyed by the dotted path, the first message each. */
function refusal(error: z.ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".")] ??= issue.message;
  return HttpResponse.json({ error: { code: "validation_failed", message: "Some fields need fixing.", fields } }, { status: 400 });
}

const FILTERS = ["policyId", "severity", "connectorId", "account", "status"] as const;

/** Whether an alert passes the filters `p` (all but `skip`); the account any case, as the BFF takes it. */
const passes = (a: AlertDetail, p: URLSearchParams, skip?: string) =>
  FILTERS.every((f) => {
    const want = p.get(f);
    if (want === null || f === skip) return true;
    const have = f === "connectorId" ? a.connector.id : a[f];
    return f === "account" ? have.toLowerCase() === want.toLowerCase() : have === want;
  });

/** GET /api/alerts over the alerts in memory, newest first; a cursor is the index the page starts at. */
function alertList(all: readonly AlertDetail[], url: URL, pageSize: number): AlertListResponse {
  const p = url.searchParams;
  const matches = (a: AlertDetail, skip?: string) => passes(a, p, skip);
  const others = all.filter((a) => matches(a, "status"));
  const list = all.filter((a) => matches(a)).sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
  const start = Number(p.get("cursor") ?? 0);
  const count = (s: string) => others.filter((a) => a.status === s).length;
  return {
    alerts: list.slice(start, start + pageSize).map(({ rows: _rows, moreRows: _more, ...view }) => view),
    nextCursor: start + pageSize < list.length ? String(start + pageSize) : null,
    counts: { open: count("open"), resolved: count("resolved"), dismissed: count("dismissed") },
  };
}

/**
 * The policies, templates, backtest and alerts behind the BFF's routes, in memory. Requests are
 * checked with the contracts schemas as the BFF does; `calls` records every write, `alertQueries`
 * every list query.
 */
export function fakePoliciesApi({ policies = [], alerts = [makeAlertDetail()], connectors = [], backtest = makeBacktest(), pageSize = 50 }: Options = {}) {
  const state = { policies, alerts, backtest, created: 0, alertQueries: [] as URLSearchParams[] };
  const { calls, record } = recorder();
  const one = `${routes.policies}/:id`;
  const save = (id: string, body: z.output<typeof policyRequestSchema>, before?: PolicyView): PolicyView => ({
    ...(before ?? { createdAt: "2026-11-30T10:00:00.000Z", createdBy: "Ada Admin", openAlerts: 0 }),
    ...body,
    id,
    effectiveFrom: "2026-11-30T10:00:00.000Z",
    updatedAt: "2026-11-30T10:00:00.000Z",
    updatedBy: "Ada Admin",
  });
  server.use(
    http.get(CONNECTOR_READS, ({ request }) => HttpResponse.json(connectorReadAnswer(connectors, new URL(request.url)))),
    http.get(routes.policyTemplates, () => HttpResponse.json({ templates: POLICY_TEMPLATES })),
    http.post(routes.policyBacktest, async ({ request }) => {
      await record(request);
      const parsed = policyRequestSchema.safeParse(await request.json());
      return parsed.success ? HttpResponse.json(state.backtest) : refusal(parsed.error);
    }),
    http.get(routes.policies, () => HttpResponse.json({ policies: state.policies })),
    http.post(routes.policies, async ({ request }) => {
      await record(request);
      const parsed = policyRequestSchema.safeParse(await request.json());
      if (!parsed.success) return refusal(parsed.error);
      const policy = save(`new${++state.created}`, parsed.data);
      state.policies = [...state.policies, policy];
      return HttpResponse.json(policy, { status: 201 });
    }),
    http.get<{ id: string }>(one, ({ params }) => {
      const policy = state.policies.find((p) => p.id === params.id);
      return policy ? HttpResponse.json(policy) : notFound("policy");
    }),
    http.put<{ id: string }>(one, async ({ request, params }) => {
      await record(request);
      const before = state.policies.find((p) => p.id === params.id);
      if (!before) return notFound("policy");
      const parsed = policyRequestSchema.safeParse(await request.json());
      if (!parsed.success) return refusal(parsed.error);
      const policy = save(before.id, parsed.data, before);
      state.policies = state.policies.map((p) => (p.id === before.id ? policy : p));
      return HttpResponse.json(policy);
    }),
    http.delete<{ id: string }>(one, async ({ request, params }) => {
      await record(request);
      state.policies = state.policies.filter((p) => p.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(routes.alerts, ({ request }) => {
      const url = new URL(request.url);
      state.alertQueries.push(url.searchParams);
      return HttpResponse.json(alertList(state.alerts, url, pageSize));
    }),
    http.get<{ id: string }>(`${routes.alerts}/:id`, ({ params }) => {
      const alert = state.alerts.find((a) => a.id === params.id);
      return alert ? HttpResponse.json(alert) : notFound("alert");
    }),
    http.post(routes.alertsStatus, async ({ request }) => {
      await record(request);
      const parsed = alertsStatusRequestSchema.safeParse(await request.json());
      if (!parsed.success) return refusal(parsed.error);
      const { filter, from, status, note, count } = parsed.data;
      const selection = new URLSearchParams({ status: from });
      for (const [name, value] of Object.entries(filter)) if (value !== undefined) selection.set(name, value);
      const chosen = state.alerts.filter((a) => passes(a, selection));
      if (chosen.length !== count) {
        const message = `${chosen.length} ${from} alerts match these filters now, not ${count}: one was raised or changed meanwhile. Nothing was changed; read the list again.`;
        return HttpResponse.json({ error: { code: "conflict", message } }, { status: 409 });
      }
      const closing = status !== "open";
      const ids = new Set(chosen.map((a) => a.id));
      state.alerts = state.alerts.map((a) =>
        ids.has(a.id) ? { ...a, status, note: note || null, closedBy: closing ? "Ada Admin" : null, closedAt: closing ? "2026-11-30T11:00:00.000Z" : null } : a,
      );
      return HttpResponse.json({ changed: chosen.length });
    }),
    http.post<{ id: string }>(`${routes.alerts}/:id/status`, async ({ request, params }) => {
      await record(request);
      const alert = state.alerts.find((a) => a.id === params.id);
      if (!alert) return notFound("alert");
      const parsed = alertStatusRequestSchema.safeParse(await request.json());
      if (!parsed.success) return refusal(parsed.error);
      const closing = parsed.data.status !== "open";
      const changed: AlertDetail = {
        ...alert,
        status: parsed.data.status,
        ...(closing ? { note: parsed.data.note, closedBy: "Ada Admin", closedAt: "2026-11-30T11:00:00.000Z" } : {}),
      };
      state.alerts = state.alerts.map((a) => (a.id === alert.id ? changed : a));
      const { rows: _rows, moreRows: _more, ...view } = changed;
      return HttpResponse.json(view);
    }),
  );
  return { state, calls };
}
