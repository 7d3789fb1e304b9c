import { controlError } from "../lib/http-error";
import { lastWeeklySandboxRefresh } from "../lib/time";
import type { SimState } from "./state";
import type { SandboxRefreshMode, Tenant } from "./tenant";

/**
 * What Workday's weekly refresh does to a sandbox: it is overwritten with a copy of production, so
 * every token issued in it stops working. In "full" mode the API clients go too (as if they had
 * been registered in the sandbox and not in production).
 */
export function refreshSandbox(state: SimState, tenant: Tenant, mode: SandboxRefreshMode, at = state.now()): void {
  if (tenant.kind === "production") {
    throw controlError(409, `'${tenant.name}' is a production tenant; only sandbox and implementation tenants are refreshed.`);
  }
  state.tokens.revokeTenant(tenant.name);
  if (mode === "full") tenant.clients.clear();
  tenant.sandboxRefresh.lastRefreshAt = at;
}

export function setWeeklySchedule(state: SimState, tenant: Tenant, weekly: boolean, mode: SandboxRefreshMode): void {
  if (weekly && tenant.kind === "production") {
    throw controlError(409, `'${tenant.name}' is a production tenant; it has no weekly refresh.`);
  }
  tenant.sandboxRefresh.weekly = weekly;
  tenant.sandboxRefresh.mode = mode;
  tenant.sandboxRefresh.scheduleSince = weekly ? state.now() : null;
}

/** Runs any weekly refresh (Friday 18:00 Pacific) that fell due since the last one. */
export function runDueSandboxRefreshes(state: SimState): void {
  const now = state.now();
  for (const tenant of state.tenants.values()) {
    const { weekly, mode, lastRefreshAt, scheduleSince } = tenant.sandboxRefresh;
    if (!weekly || scheduleSince === null) continue;
    const due = lastWeeklySandboxRefresh(now);
    if (due > Math.max(lastRefreshAt ?? 0, scheduleSince)) refreshSandbox(state, tenant, mode, due);
  }
}

export function nextWeeklyRefresh(now: number): number {
  return lastWeeklySandboxRefresh(now + 7 * 24 * 3600 * 1000);
}
