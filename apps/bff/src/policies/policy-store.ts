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

/** A row a policy matched, waiting (in the page's transaction) for its alert to be decided. */
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

/** A new alert, or rows added to one (its times widen, its count is recounted from its rows). */
export interface AlertChange {
  alert: AlertRecord;
  isNew: boolean;
  rows: { rowKey: string; requestTime: string }[];
}

/** The pending matches just decided: up to `upTo`; those of the `keep` policies stay as history. */
export interface DecidedMatches {
  keep: readonly string[];
  upTo: string;
}

export interface StoredMatch extends PolicyMatch {
  evaluated: boolean;
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
  /** Replaces the policy; its matches under the old definition, pending or kept as threshold history, are dropped. */
  updatePolicy(p: PolicyRecord): Promise<void>;
  deletePolicy(id: string): Promise<boolean>;
  countOpenAlertsByPolicy(): Promise<Record<string, number>>;

  /**
   * A connector's matches still to decide, and the decided ones near them in time (from `from`):
   * the history a threshold counts over.
   */
  matchesToDecide(connectorId: string, lookbackMs: number, contextPolicyIds: readonly string[]): Promise<{ pending: StoredMatch[]; context: StoredMatch[] }>;
  /** The connector's alerts whose last row is at or after `from`: the ones new matches may extend. */
  recentAlerts(connectorId: string, from: string): Promise<AlertRecord[]>;
  /**
   * One transaction: alert changes, their events, the pending matches marked decided, and decided
   * matches older than `pruneBefore` dropped.
   */
  applyAlertChanges(connectorId: string, changes: AlertChange[], events: OutboxEvent[], decided: DecidedMatches, pruneBefore: string): Promise<void>;

  listAlerts(q: AlertQuery): Promise<AlertWithConnector[]>;
  countAlertsByStatus(q: Omit<AlertQuery, "status" | "limit" | "after">): Promise<Partial<Record<AlertStatus, number>>>;
  getAlert(id: string): Promise<AlertWithConnector | null>;
  /** The alert's rows, oldest first, as stored (a pruned row keeps its key and time only). */
  listAlertRows(alertId: string, limit: number): Promise<AlertRowView[]>;
  setAlertStatus(
    id: string,
    patch: { status: AlertStatus; note: string | null; closedBy: string | null; closedAt: string | null },
  ): Promise<AlertRecord | null>;
}
