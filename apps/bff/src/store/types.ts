import type { AuthStore, UserRecord } from "../auth/auth-store";
import type {
  CheckResult,
  ConnectorStatus,
  ConsentOutcome,
  Environment,
  Role,
  SecretDetailsField,
  ShownDetails,
  TimelineEntry,
  WizardStep,
} from "@wc/contracts";
import type { ConsentingAccountRecord } from "@wc/workday";
import type { ActivityStore } from "../activity/activity-store";
import type { LeaseStore } from "../platform/store/leases";
import type { NotificationStore, OutboxEvent } from "../notifications/notification-store";
import type { HandoffStore } from "../handoff/handoff-store";
import type { ApiTokenStore } from "../api-tokens/api-token-store";
import type { ConnectorListStore } from "../connectors/connector-list-store";
import type { PolicyStore } from "../policies";

export type * from "../activity/activity-store";

/** The details as stored: each field the view shows as it shows it; a secret sealed, with its last four characters. */
type StoredDetails = ShownDetails & { [K in SecretDetailsField as `${K}Enc` | `${K}Hint`]: string | null };

/** A connector as stored. Fields ending in `Enc` hold AES-GCM ciphertext (see platform/crypto/crypto.ts), never plaintext. */
export interface ConnectorRecord extends StoredDetails {
  id: string;
  name: string;
  status: ConnectorStatus;
  reasonCode: string | null;
  wizardStep: WizardStep;
  prerequisites: Record<string, boolean>;
  tenantSetup: Record<string, boolean>;
  tenant: string | null;
  environment: Environment | null;
  environmentSource: "detected" | "override" | null;
  environmentReason: string | null;
  refreshTokenEnc: string | null;
  accessTokenEnc: string | null;
  accessTokenExpiresAt: string | null;
  consentGrantedBy: string | null;
  /** The tenant's Workday site as the admin gave it in the wizard (`https://impl.workday.com/acme_impl`), for task links. */
  workdayAddress: string | null;
  /** The Workday account that consented to the current connection, once looked up; reset by every consent. */
  consentingAccount: ConsentingAccountRecord | null;
  connectedAt: string | null;
  lastCheckAt: string | null;
  lastSuccessAt: string | null;
  lastConsent: ConsentOutcome | null;
  /** Transient health failures in a row; `degraded` only after a threshold (never drops tokens). */
  consecutiveTransientFailures: number;
  /** The status last announced to notification channels (notifications/status-events.ts), and healthy outcomes in a row since. */
  notifiedStatus: ConnectorStatus | null;
  healthyStreak: number;
  nextCheckAt: string | null;
  lastChecks: CheckResult[] | null;
  /** Workday's own error for the current problem, reduced to status + error code (no tokens). */
  lastErrorDetail: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type ConnectorPatch = Partial<Omit<ConnectorRecord, "id" | "createdAt" | "createdBy">>;

/**
 * A signed-in browser. `id` is the SHA-256 of the cookie's token, never the token. `userName`/`role`
 * are what they were at sign-in (for the record); requests use the user's current role.
 */
export interface SessionRecord {
  id: string;
  userId: string;
  userName: string;
  role: Role;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
}

/**
 * One consent attempt. Keyed by a hash of `state`; taken (deleted) exactly once. It belongs to the
 * signed-in session that started it, or (`sessionId` null) to the hand-off link it was started with.
 */
export interface OAuthTransaction {
  stateHash: string;
  connectorId: string;
  sessionId: string | null;
  /** Started from the hand-off page with this link (handoff/); absent or null for a console session. */
  handoffLinkId?: string | null;
  codeVerifierEnc: string;
  redirectUri: string;
  tokenEndpoint: string;
  clientId: string;
  mode: "popup" | "redirect";
  createdAt: string;
  expiresAt: string;
}

/** Which ciphertext columns exist: the connector secrets, a consent attempt's PKCE verifier, a webhook's signing secret. */
export type SealedField = "clientSecret" | "refreshToken" | "accessToken" | "codeVerifier" | "signingSecret" | "webhookUrl";

/** One row's ciphertexts, for key rotation. `id` is the connector id or the transaction's state hash. */
export interface SealedRow {
  table: "connectors" | "oauth_transactions" | "notification_channels";
  id: string;
  connectorId: string;
  fields: Partial<Record<SealedField, string>>;
}

/** A connector's status and how far its stored activity reaches, for the sync-lag gauge (platform/metrics). */
export interface SyncCoverage {
  connectorId: string;
  status: ConnectorStatus;
  /** End of its last completed activity window. */
  coveredUntil: string;
}

export interface CiphertextSwap {
  field: SealedField;
  expected: string;
  next: string;
}

/**
 * The one persistence seam. Async so a PostgreSQL implementation can sit behind it; every method
 * that changes more than one row does so in one transaction.
 */
export interface Store extends AuthStore, ActivityStore, LeaseStore, NotificationStore, HandoffStore, ApiTokenStore, ConnectorListStore, PolicyStore {
  insertConnector(rec: ConnectorRecord, timeline: TimelineEntry): Promise<void>;
  getConnector(id: string): Promise<ConnectorRecord | null>;
  listConnectors(): Promise<ConnectorRecord[]>;
  /** Connectors per status (a status with none is absent): one grouped query, read on every metrics scrape and list page. */
  countConnectorsByStatus(): Promise<Partial<Record<ConnectorStatus, number>>>;
  /** Each connector that finished an activity window: its status and how far its activity reaches (not its record), for the metrics scrape. */
  listSyncCoverage(): Promise<SyncCoverage[]>;
  /**
   * Applies the patch and, when given, appends the timeline entry and queues the notification
   * events, atomically: a crash after a status change never loses the event it causes.
   */
  updateConnector(id: string, patch: ConnectorPatch, timeline?: TimelineEntry, events?: OutboxEvent[]): Promise<ConnectorRecord | null>;
  deleteConnector(id: string): Promise<boolean>;
  listTimeline(connectorId: string): Promise<TimelineEntry[]>;

  createSession(s: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  /** The session and its user in one read (every signed-in request asks for both); `user` null when the user is gone. */
  getSessionWithUser(id: string): Promise<{ session: SessionRecord; user: UserRecord | null } | null>;
  touchSession(id: string, at: string): Promise<void>;
  deleteSession(id: string): Promise<void>;

  insertTransaction(t: OAuthTransaction): Promise<void>;
  /** Deletes and returns the transaction: a second call with the same hash returns null. */
  takeTransaction(stateHash: string): Promise<OAuthTransaction | null>;
  purgeExpiredTransactions(now: string): Promise<number>;

  /** Every row that holds at least one ciphertext. */
  listCiphertexts(): Promise<SealedRow[]>;
  /**
   * Replaces one row's ciphertexts in one transaction, each only if it still equals `expected`
   * (compare-and-swap, so a concurrent token refresh is never overwritten). Returns how many were replaced.
   */
  replaceCiphertexts(row: Pick<SealedRow, "table" | "id">, swaps: CiphertextSwap[]): Promise<number>;

  close(): Promise<void>;
}

export class NameTakenError extends Error {}
