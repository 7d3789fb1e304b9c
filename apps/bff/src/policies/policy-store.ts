import type { AlertStatus, Severity } from "@wc/contracts";
import type { PolicyCondition, PolicyThreshold, WorkingHours } from "@wc/workday";
import type { OutboxEvent } from "../notifications";

export interface PolicyRecord {
  id: string;
  name: string;
  description: string;
  severity: Severity;
  enabled: boolean;
  /** null: every connector. */
  connectorIds: string[] | null;
  condition: PolicyCondition;
  threshold: PolicyThreshold | null;
  outsideHours: WorkingHours | null;
  templateId: string | null;
  /** When this version was saved: it decides rows stored from then on. */
  effectiveFrom: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** A row a policy matched. */
export interface PolicyMatch {
  policyId: string;
  rowKey: string;
  requestTime: string;
  account: string;
}

export interface AlertRecord {
  id: string;
  alertKey: string;
  policyId: string;
  policyName: string;
  severity: Severity;
  connectorId: string;
  account: string;
  status: AlertStatus;
  rowCount: number;
  firstRowAt: string;
  lastRowAt: string;
  raisedAt: string;
  note: string | null;
  closedBy: string | null;
  closedAt: string | null;
}

export interface AlertWithConnector extends AlertRecord {
  connectorName: string | null;
  tenant: string | null;
}

/** What deciding a page needs to know of a stored alert: whose it is, whether open, and its times. */
export type AlertEpisode = Pick<AlertRecord, "id" | "policyId" | "account" | "status" | "firstRowAt" | "lastRowAt">;

/** A new alert, or rows added to one (its count grows by the rows it did not hold yet, its times widen). */
export type AlertChange = { alert: AlertRecord; isNew: true; rows: AlertRowKey[] } | { alert: AlertEpisode; isNew: false; rows: AlertRowKey[] };
export type AlertRowKey = { rowKey: string; requestTime: string };
/** An alert raised by a page, with its rows: written whole. */
export type NewAlert = Extract<AlertChange, { isNew: true }>;

/** A match kept as threshold history, with the policy version that matched it. */
export interface KeptMatch extends PolicyMatch {
  version: string;
}

/** A row added to an open alert, recorded with the page and applied later (docs/policies.md). */
export type AlertExtension = { alertId: string; rowKey: string; requestTime: string };

/**
 * What a page's matches write, in the page's own transaction: new alerts (whole, with their rows) and their events,
 * the rows added to open alerts as one recorded entry (`extend`), the threshold policies' matches
 * kept as the history later pages count over, and kept matches older than `pruneBefore` dropped.
 * With `applyExtensions` the connector's recorded entries, this page's included, are applied: their
 * rows added to the alerts, each alert recounted, the entries deleted.
 */
export interface AlertWrites {
  created: NewAlert[];
  events: OutboxEvent[];
  extend: AlertExtension[];
  applyExtensions: boolean;
  keep: KeptMatch[];
  pruneBefore: string;
}

export interface AlertQuery {
  policyId?: string | undefined;
  severity?: Severity | undefined;
  connectorId?: string | undefined;
  account?: string | undefined;
  status?: AlertStatus | undefined;
  limit: number;
  /** Continue after this (raisedAt, id), newest first. */
  after?: { raisedAt: string; id: string } | undefined;
}

/** What a bulk status change selects: the list's filters, and the status the alerts have now. */
export type AlertSelection = Omit<AlertQuery, "status" | "limit" | "after"> & { status: AlertStatus };

/** A bulk status change: whether the alerts were changed (only if as many as expected matched), and how many matched, or once changed how many were. */
export interface AlertsStatusResult {
  matched: number;
  changed: boolean;
}

export interface AlertRowView {
  id: string;
  requestTime: string;
  systemAccount: string;
  taskDisplayName: string | null;
  activityAction: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  deviceType: string | null;
  targetDescriptor: string | null;
}

export interface PolicyStore {
  listPolicies(): Promise<PolicyRecord[]>;
  getPolicy(id: string): Promise<PolicyRecord | null>;
  insertPolicy(p: PolicyRecord): Promise<void>;
  /** Replaces the policy (a new version: history kept under the old one no longer counts). */
  /** False when the policy is gone (deleted meanwhile). */
  updatePolicy(p: PolicyRecord): Promise<boolean>;
  deletePolicy(id: string): Promise<boolean>;
  countOpenAlertsByPolicy(): Promise<Record<string, number>>;

  /** A connector's kept matches (threshold history) from `from` on, of these policies at these versions. */
  keptMatches(connectorId: string, from: string, policies: readonly { id: string; version: string }[]): Promise<PolicyMatch[]>;
  /** The connector's alerts whose last row is at or after `from`: the ones new matches may extend. */
  recentAlerts(connectorId: string, from: string): Promise<AlertEpisode[]>;
  /**
   * How many times users changed the status of the connector's alerts (resolve, dismiss, reopen):
   * a window holding the recent alerts reads them again when this moved.
   */
  alertStatusChanges(connectorId: string): Promise<number>;
  /**
   * Applies the connector's recorded alert extensions (a window that ended without applying them:
   * a crash, a stop): rows added, alerts recounted, entries deleted. Returns how many entries.
   */
  applyAlertExtensions(connectorId: string): Promise<number>;

  listAlerts(q: AlertQuery): Promise<AlertWithConnector[]>;
  countAlertsByStatus(q: Omit<AlertQuery, "status" | "limit" | "after">): Promise<Partial<Record<AlertStatus, number>>>;
  getAlert(id: string): Promise<AlertWithConnector | null>;
  /** The alert's rows, oldest first, as stored (a pruned row keeps its key and time only). */
  listAlertRows(alertId: string, limit: number): Promise<AlertRowView[]>;
  /** Null when there is no such alert, or (with `from`) when its status is no longer `from`: nothing changes then. */
  setAlertStatus(
    id: string,
    patch: { status: AlertStatus; note: string | null; closedBy: string | null; closedAt: string | null; from?: AlertStatus },
  ): Promise<AlertRecord | null>;
  /**
   * Deletes the connector's closed (resolved or dismissed) alerts whose last row and closing are
   * both before `before`, with their rows; open alerts are never deleted. Returns how many.
   */
  pruneClosedAlerts(connectorId: string, before: string): Promise<number>;
  /**
   * Every alert `selection` matches gets the patch, only if exactly `expected` match: otherwise
   * nothing changes. In one transaction on PostgreSQL; on SQLite in short ones after the count, each
   * changing only alerts still in the selected status. Each changed alert counts a status change
   * for its connector.
   */
  setAlertsStatus(
    selection: AlertSelection,
    patch: { status: AlertStatus; note: string | null; closedBy: string | null; closedAt: string | null },
    expected: number,
  ): Promise<AlertsStatusResult>;
}

/** The latest time among matches (ISO strings sort as times), or null for none. */
export function lastTime(matches: readonly { requestTime: string }[]): string | null {
  let last: string | null = null;
  for (const m of matches) if (last === null || m.requestTime > last) last = m.requestTime;
  return last;
}
