import type { AlertStatus, Severity } from "@wc/contracts";
import type { AlertEpisode, AlertExtension, AlertRecord, AlertRowView, AlertWithConnector, KeptMatch, PolicyRecord, PolicyMatch } from "./policy-store";

type Row = Record<string, unknown>;

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" || typeof v === "bigint" ? String(v) : "");
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : str(v));
/** SQLite answers 0/1, PostgreSQL booleans. */
const bool = (v: unknown) => v === true || v === 1 || v === "1";

export function policyToRow(p: PolicyRecord): Row {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    severity: p.severity,
    enabled: p.enabled,
    connector_ids: p.connectorIds === null ? null : JSON.stringify(p.connectorIds),
    definition: JSON.stringify({ condition: p.condition, threshold: p.threshold, outsideHours: p.outsideHours }),
    template_id: p.templateId,
    effective_from: p.effectiveFrom,
    created_at: p.createdAt,
    created_by: p.createdBy,
    updated_at: p.updatedAt,
    updated_by: p.updatedBy,
  };
}

export const POLICY_COLUMNS = Object.keys(policyToRow({} as PolicyRecord));

export function policyFromRow(r: Row): PolicyRecord {
  const def = JSON.parse(str(r.definition)) as Pick<PolicyRecord, "condition" | "threshold" | "outsideHours">;
  return {
    id: str(r.id),
    name: str(r.name),
    description: str(r.description),
    severity: str(r.severity) as Severity,
    enabled: bool(r.enabled),
    connectorIds: r.connector_ids === null ? null : (JSON.parse(str(r.connector_ids)) as string[]),
    condition: def.condition,
    threshold: def.threshold,
    outsideHours: def.outsideHours,
    templateId: strOrNull(r.template_id),
    effectiveFrom: str(r.effective_from),
    createdAt: str(r.created_at),
    createdBy: str(r.created_by),
    updatedAt: str(r.updated_at),
    updatedBy: str(r.updated_by),
  };
}

export function alertToRow(a: AlertRecord): Row {
  return {
    id: a.id,
    alert_key: a.alertKey,
    policy_id: a.policyId,
    policy_name: a.policyName,
    severity: a.severity,
    connector_id: a.connectorId,
    account: a.account,
    status: a.status,
    row_count: a.rowCount,
    first_row_at: a.firstRowAt,
    last_row_at: a.lastRowAt,
    raised_at: a.raisedAt,
    note: a.note,
    closed_by: a.closedBy,
    closed_at: a.closedAt,
  };
}

export const ALERT_COLUMNS = Object.keys(alertToRow({} as AlertRecord));

export const episodeFromRow = (r: Row): AlertEpisode => ({
  id: str(r.id),
  policyId: str(r.policy_id),
  account: str(r.account),
  status: str(r.status) as AlertStatus,
  firstRowAt: str(r.first_row_at),
  lastRowAt: str(r.last_row_at),
});

export function alertFromRow(r: Row): AlertRecord {
  return {
    id: str(r.id),
    alertKey: str(r.alert_key),
    policyId: str(r.policy_id),
    policyName: str(r.policy_name),
    severity: str(r.severity) as Severity,
    connectorId: str(r.connector_id),
    account: str(r.account),
    status: str(r.status) as AlertStatus,
    rowCount: Number(r.row_count),
    firstRowAt: str(r.first_row_at),
    lastRowAt: str(r.last_row_at),
    raisedAt: str(r.raised_at),
    note: strOrNull(r.note),
    closedBy: strOrNull(r.closed_by),
    closedAt: strOrNull(r.closed_at),
  };
}

export const alertWithConnectorFromRow = (r: Row): AlertWithConnector => ({
  ...alertFromRow(r),
  connectorName: strOrNull(r.connector_name),
  tenant: strOrNull(r.tenant),
});

/** A page's kept matches as one JSON text: [policy, version, row key, time, account] each. */
/** A page's rows added to open alerts as one entry: [alert id, row key, request time] each. */
export const extensionsJson = (ext: readonly AlertExtension[]) => JSON.stringify(ext.map((e) => [e.alertId, e.rowKey, e.requestTime]));

export const historyToJson = (kept: readonly KeptMatch[]) => JSON.stringify(kept.map((m) => [m.policyId, m.version, m.rowKey, m.requestTime, m.account]));

/** The matches in stored history entries from `from` on, of the given policy versions. */
export function matchesFromHistory(entries: readonly unknown[], from: string, policies: readonly { id: string; version: string }[]): PolicyMatch[] {
  const wanted = new Set(policies.map((p) => `${p.id}\u0000${p.version}`));
  const out: PolicyMatch[] = [];
  for (const text of entries) {
    for (const [policyId, version, rowKey, requestTime, account] of JSON.parse(String(text)) as string[][]) {
      if (requestTime !== undefined && requestTime >= from && wanted.has(`${policyId}\u0000${version}`)) {
        out.push({ policyId: str(policyId), rowKey: str(rowKey), requestTime, account: str(account) });
      }
    }
  }
  return out.sort((a, b) => (a.requestTime < b.requestTime ? -1 : a.requestTime > b.requestTime ? 1 : 0));
}

export const alertRowFromDb = (r: Row): AlertRowView => ({
  id: str(r.row_key),
  requestTime: str(r.request_time),
  systemAccount: str(r.system_account ?? ""),
  taskDisplayName: strOrNull(r.task_display_name),
  activityAction: strOrNull(r.activity_action),
  ipAddress: strOrNull(r.ip_address),
  userAgent: strOrNull(r.user_agent),
  deviceType: strOrNull(r.device_type),
  targetDescriptor: strOrNull(r.target_descriptor),
});
