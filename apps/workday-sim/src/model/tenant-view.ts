import { isoMillis } from "../lib/time";
import { publicClient } from "./clients";
import { PERMISSIONS } from "./permissions";
import { nextWeeklyRefresh } from "./sandbox-refresh";
import type { SimState } from "./state";
import type { Tenant } from "./tenant";

/** A tenant as the control API shows it. Secrets and passwords are left out. */
export function tenantView(state: SimState, tenant: Tenant) {
  const { weekly, mode, lastRefreshAt } = tenant.sandboxRefresh;
  const spec = tenant.activity.spec;
  return {
    name: tenant.name,
    kind: tenant.kind,
    companyName: tenant.companyName,
    settings: { ...tenant.settings },
    permissions: PERMISSIONS.map((p) => ({
      ...p,
      granted: tenant.permissions.granted.has(p.key),
      active: tenant.permissions.active.has(p.key),
    })),
    accounts: [...tenant.accounts.values()].map(({ password: _password, ...a }) => a),
    clients: [...tenant.clients.values()].map((c) => publicClient(state, tenant, c)),
    activity: {
      events: spec.events,
      days: spec.days,
      seed: spec.seed,
      end: isoMillis(spec.endMs),
      realEvents: tenant.activity.realEventCount,
      people: tenant.activity.directory.people.length,
    },
    sandboxRefresh: {
      weekly,
      mode,
      lastRefreshAt: lastRefreshAt === null ? null : isoMillis(lastRefreshAt),
      nextRefreshAt: weekly ? isoMillis(nextWeeklyRefresh(state.now())) : null,
    },
    endpoints: state.endpoints(tenant.name),
  };
}

export const tenantSummary = (tenant: Tenant) => ({ name: tenant.name, kind: tenant.kind, settings: { ...tenant.settings } });
