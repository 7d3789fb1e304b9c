import { controlError } from "../lib/http-error";
import { hashString } from "../lib/hash";
import { deviceTypeOf, type ActivityAction } from "../activity/catalog";
import { taskIdOf } from "../activity/rows";
import { scenarioEvents, type ScenarioName } from "../activity/scenarios";
import { isoMillis } from "../lib/time";
import type { PermissionKey } from "./permissions";
import type { SimState } from "./state";
import { ADMIN_USERNAME, ISU_USERNAME, type Account, type AccountKind, type Tenant, type TenantSettings } from "./tenant";

/** Changes made by the control API and the admin pages alike. */

export function updateSettings(tenant: Tenant, patch: { [K in keyof TenantSettings]?: TenantSettings[K] | undefined }): void {
  Object.assign(tenant.settings, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
}

/** Editing a domain security policy: pending until activated, like in Workday. */
export function setPermission(tenant: Tenant, key: PermissionKey, granted: boolean): void {
  if (granted) tenant.permissions.granted.add(key);
  else tenant.permissions.granted.delete(key);
}

export function activatePendingChanges(tenant: Tenant): { activated: PermissionKey[]; deactivated: PermissionKey[] } {
  const { granted, active } = tenant.permissions;
  const activated = [...granted].filter((k) => !active.has(k));
  const deactivated = [...active].filter((k) => !granted.has(k));
  tenant.permissions.active = new Set(granted);
  return { activated, deactivated };
}

export const hasPendingChanges = (tenant: Tenant): boolean => {
  const { granted, active } = tenant.permissions;
  return granted.size !== active.size || [...granted].some((k) => !active.has(k));
};

export interface NewAccount {
  username: string;
  password: string;
  kind: AccountKind;
  memberOfConnectorGroup: boolean;
}

export function addAccount(tenant: Tenant, input: NewAccount): Account {
  if (tenant.accounts.has(input.username)) throw controlError(409, `Account '${input.username}' already exists in '${tenant.name}'.`);
  const account: Account = { ...input, disabled: false, locked: false };
  tenant.accounts.set(account.username, account);
  return account;
}

export function accountOf(tenant: Tenant, username: string): Account {
  const account = tenant.accounts.get(username);
  if (!account) throw controlError(404, `Tenant '${tenant.name}' has no account '${username}'.`);
  return account;
}

export function updateAccount(
  tenant: Tenant,
  username: string,
  patch: { disabled?: boolean | undefined; locked?: boolean | undefined; memberOfConnectorGroup?: boolean | undefined },
): Account {
  const account = accountOf(tenant, username);
  if (patch.disabled !== undefined) account.disabled = patch.disabled;
  if (patch.locked !== undefined) account.locked = patch.locked;
  if (patch.memberOfConnectorGroup !== undefined) account.memberOfConnectorGroup = patch.memberOfConnectorGroup;
  return account;
}

export interface LoggedEvent {
  timeMs: number;
  systemAccount: string;
  taskDisplayName: string;
  activityAction: ActivityAction;
  ipAddress: string;
  userAgent: string;
  sessionId?: string;
  target?: { id: string; descriptor: string; href: string };
}

/** Writes a real row into the tenant's activity log, if User Activity Logging is on. */
export function logActivity(tenant: Tenant, event: LoggedEvent): boolean {
  if (!tenant.settings.userActivityLogging) return false;
  const sessionId = event.sessionId ?? (hashString(`${event.systemAccount}|${event.ipAddress}`) & 0xffffff).toString(16).padStart(6, "0");
  tenant.activity.add({
    timeMs: event.timeMs,
    row: {
      systemAccount: event.systemAccount,
      taskId: taskIdOf(event.taskDisplayName),
      taskDisplayName: event.taskDisplayName,
      activityAction: event.activityAction,
      ipAddress: event.ipAddress,
      userAgent: event.userAgent,
      deviceType: deviceTypeOf(event.userAgent),
      sessionId,
      ...(event.target ? { target: event.target } : {}),
    },
  });
  return true;
}

export interface ScenarioResult {
  scenario: ScenarioName;
  account: string;
  rows: number;
  from: string;
  to: string;
}

/** Logs one scenario's rows (src/activity/scenarios.ts), the first at `at` (default: the simulator's now); all or nothing. */
export function injectScenario(
  state: SimState,
  tenant: Tenant,
  input: { scenario: ScenarioName; at?: string | undefined; account?: string | undefined },
): ScenarioResult {
  if (!tenant.settings.userActivityLogging) throw controlError(409, `User Activity Logging is off in '${tenant.name}'; nothing was logged.`);
  const startMs = input.at === undefined ? state.now() : Date.parse(input.at);
  const context = {
    directory: tenant.activity.directory,
    isuAccount: ISU_USERNAME,
    adminAccount: ADMIN_USERNAME,
    workerHref: (id: string) => `${state.endpoints(tenant.name).restApiEndpoint}/workers/${id}`,
  };
  const { account, events } = scenarioEvents(input.scenario, context, startMs, input.account);
  for (const event of events) logActivity(tenant, event);
  return {
    scenario: input.scenario,
    account,
    rows: events.length,
    from: isoMillis(events[0]?.timeMs ?? startMs),
    to: isoMillis(events.at(-1)?.timeMs ?? startMs),
  };
}

export function setActivity(
  tenant: Tenant,
  input: { events?: number | undefined; days?: number | undefined; seed?: number | undefined; end?: string | undefined },
): void {
  const spec = tenant.activity.spec;
  tenant.activity.regenerate({
    events: input.events ?? spec.events,
    days: input.days ?? spec.days,
    seed: input.seed ?? spec.seed,
    endMs: input.end === undefined ? spec.endMs : Date.parse(input.end),
  });
}
