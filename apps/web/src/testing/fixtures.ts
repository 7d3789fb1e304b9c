import {
  CHECK_IDS,
  type ApiToken,
  type AuditEntry,
  type ActivityListResponse,
  type ActivityRow,
  type ChannelView,
  type CheckResult,
  type Connector,
  type ConnectorSummary,
  type DeliveryAttempt,
  type PublicConfig,
  type SessionResponse,
  type User,
  type SyncProgress,
  type SyncSettings,
  type SyncStatus,
  type TimelineEntry,
} from "@wc/contracts";

export const ENDPOINTS = {
  authorizationEndpoint: "https://impl.workday.com/acme_impl/authorize",
  tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token",
  restApiEndpoint: "https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl",
} as const;

export const CONFIG: PublicConfig = { publicUrl: "http://localhost:3000", allowedWorkdayHosts: "", version: "test" };

export function sessionFor(role: "admin" | "support" = "admin"): SessionResponse {
  const name = role === "admin" ? "Ada Admin" : "Sam Support";
  return {
    user: { id: "u1", name, email: `${role}@example.com`, role, source: "local" },
    setupRequired: false,
    sso: { enabled: false, label: "" },
    idleExpiresAt: null,
    absoluteExpiresAt: null,
  };
}

/** Nobody signed in; an account exists and single sign-on is off unless overridden. */
export function signedOut(overrides: Partial<SessionResponse> = {}): SessionResponse {
  return { user: null, setupRequired: false, sso: { enabled: false, label: "" }, idleExpiresAt: null, absoluteExpiresAt: null, ...overrides };
}

/** A local admin account as GET /api/users lists it. */
export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: "u1",
    name: "Ada Admin",
    email: "admin@example.com",
    role: "admin",
    source: "local",
    createdAt: "2026-11-01T09:00:00.000Z",
    lastSignInAt: "2026-11-28T08:00:00.000Z",
    activeSessions: 1,
    ...overrides,
  };
}

/** A support token an admin made for a monitoring check, never used yet. */
export function makeApiToken(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: "t1",
    name: "Uptime check",
    role: "support",
    prefix: "wct_AbCd",
    createdAt: "2026-11-20T09:00:00.000Z",
    createdBy: "Ada Admin",
    expiresAt: "2027-02-18T09:00:00.000Z",
    lastUsedAt: null,
    revokedAt: null,
    revokedBy: null,
    state: "active",
    ...overrides,
  };
}

/** An admin's role change of another user. */
export function makeAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq: 10,
    at: "2026-11-29T10:00:05.000Z",
    actorId: "u1",
    actorName: "Ada Admin",
    action: "user.updated",
    targetType: "user",
    targetId: "u2",
    targetName: "Sam Support",
    ip: "203.0.113.7",
    requestId: "req-1",
    before: { role: "support", name: "Sam Support" },
    after: { role: "admin", name: "Sam Support" },
    ...overrides,
  };
}

/** A draft that has just been named. */
export function makeConnector(overrides: Partial<Connector> = {}): Connector {
  return {
    id: "c1",
    name: "Acme sandbox",
    status: "pending_configuration",
    reasonCode: null,
    tenant: null,
    environment: null,
    wizardStep: "prerequisites",
    connectedAt: null,
    lastSuccessAt: null,
    createdAt: "2026-11-20T09:00:00.000Z",
    createdBy: "Ada Admin",
    updatedAt: "2026-11-20T09:00:00.000Z",
    prerequisites: {},
    tenantSetup: {},
    environmentSource: null,
    environmentReason: null,
    clientId: null,
    clientSecretSet: false,
    clientSecretHint: null,
    restApiEndpoint: null,
    tokenEndpoint: null,
    authorizationEndpoint: null,
    effectiveAuthorizationUrl: null,
    samlSso: false,
    clientAuthMethod: "client_secret_basic",
    redirectUri: "http://localhost:3000/api/oauth/connect/c1",
    consentGrantedBy: null,
    workdayAddress: null,
    consentedBy: { known: false, reason: "not_connected", explanation: "This connector has not been connected to Workday yet." },
    lastCheckAt: null,
    lastConsent: null,
    lastErrorDetail: null,
    consecutiveTransientFailures: 0,
    nextCheckAt: null,
    lastChecks: null,
    ...overrides,
  };
}

/** Details saved, waiting for consent. */
export function readyToConnect(overrides: Partial<Connector> = {}): Connector {
  return makeConnector({
    status: "pending_authorization",
    wizardStep: "connect",
    tenant: "acme_impl",
    environment: "sandbox",
    environmentSource: "detected",
    clientId: "client-123",
    clientSecretSet: true,
    clientSecretHint: "abcd",
    ...ENDPOINTS,
    effectiveAuthorizationUrl: ENDPOINTS.authorizationEndpoint,
    ...overrides,
  });
}

export function connected(overrides: Partial<Connector> = {}): Connector {
  return readyToConnect({
    status: "connected",
    connectedAt: "2026-11-21T10:00:00.000Z",
    consentGrantedBy: "ISU_connect",
    workdayAddress: "https://impl.workday.com/acme_impl",
    consentedBy: { known: true, account: "isu_wdconnect", at: "2026-11-21T09:59:58.000Z" },
    lastConsent: { outcome: "success", reasonCode: null, detail: null, at: "2026-11-21T10:00:00.000Z" },
    ...overrides,
  });
}

export function toSummary(c: Connector): ConnectorSummary {
  const { id, name, status, reasonCode, tenant, environment, wizardStep, connectedAt, lastSuccessAt, createdAt } = c;
  return { id, name, status, reasonCode, tenant, environment, wizardStep, connectedAt, lastSuccessAt, createdAt };
}

export const TIMELINE: TimelineEntry[] = [
  { at: "2026-11-21T10:00:00.000Z", from: "pending_authorization", to: "connected", reasonCode: null, actor: "Ada Admin" },
  { at: "2026-11-20T09:00:00.000Z", from: null, to: "pending_configuration", reasonCode: null, actor: "Ada Admin" },
];

/** One check result; passed unless overridden. */
export function makeCheck(id: CheckResult["id"], overrides: Partial<CheckResult> = {}): CheckResult {
  return { id, ok: true, skipped: false, reasonCode: null, detail: null, at: "2026-11-21T10:05:00.000Z", durationMs: 120, ...overrides };
}

/** All four checks passed, in the order the BFF runs them. */
export const PASSED_CHECKS: CheckResult[] = CHECK_IDS.map((id) => makeCheck(id));

export const SYNC_SETTINGS: SyncSettings = { backfillDays: 7, pollIntervalMinutes: 15, lagMinutes: 2, retentionDays: 90 };

/** A connector that has never synced (not connected yet). */
export function makeSync(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    connectorId: "c1",
    phase: "idle",
    coveredUntil: null,
    progress: null,
    lastSyncAt: null,
    nextSyncAt: null,
    lagSeconds: null,
    rowsLast24h: 0,
    rowsStored: 0,
    lastError: null,
    accounts: { count: 0, refreshedAt: null },
    settings: SYNC_SETTINGS,
    ...overrides,
  };
}

/** The first backfill of 7 days (2026-11-14 10:00 to 2026-11-21 10:00 UTC), half covered unless overridden. */
export function backfilling(progress: Partial<SyncProgress> = {}): SyncStatus {
  return makeSync({
    phase: "backfilling",
    coveredUntil: "2026-11-17T22:00:00.000Z",
    progress: {
      kind: "backfill",
      from: "2026-11-14T10:00:00.000Z",
      to: "2026-11-21T10:00:00.000Z",
      coveredUntil: "2026-11-17T22:00:00.000Z",
      rows: 45_210,
      rowsPerSecond: 1_830.4,
      startedAt: "2026-11-21T10:00:05.000Z",
      finishedAt: null,
      ...progress,
    },
  });
}

/** Caught up after the backfill, waiting for the next poll. */
export function upToDate(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return makeSync({
    phase: "waiting",
    coveredUntil: "2026-11-21T10:28:00.000Z",
    lastSyncAt: "2026-11-21T10:30:00.000Z",
    nextSyncAt: "2026-11-21T10:45:00.000Z",
    lagSeconds: 190,
    rowsLast24h: 12_345,
    rowsStored: 98_765,
    accounts: { count: 1_204, refreshedAt: "2026-11-21T06:00:00.000Z" },
    ...overrides,
  });
}

/** One activity row of connector c1; a READ by Logan McNeil unless overridden. */
export function makeActivityRow(overrides: Partial<ActivityRow> = {}): ActivityRow {
  return {
    id: "r1",
    connectorId: "c1",
    requestTime: "2026-11-21T09:15:07.123Z",
    systemAccount: "lmcneil",
    accountName: "Logan McNeil",
    taskId: "task-1",
    taskDisplayName: "Find Workers",
    activityAction: "READ",
    ipAddress: "203.0.113.7",
    userAgent: "Mozilla/5.0",
    deviceType: "Desktop",
    sessionId: "sess-1",
    target: null,
    ...overrides,
  };
}

export const ACTIVITY_ROWS: ActivityRow[] = [
  makeActivityRow(),
  makeActivityRow({
    id: "r2",
    requestTime: "2026-11-21T08:00:00.000Z",
    systemAccount: "svc_payroll",
    accountName: null,
    taskId: null,
    taskDisplayName: "Change Job",
    activityAction: "WRITE",
    ipAddress: null,
    deviceType: "Phone",
    sessionId: "sess-2",
  }),
];

/** One page of the activity list; the first of one page unless overridden. */
export function activityPage(rows: ActivityRow[] = ACTIVITY_ROWS, overrides: Partial<ActivityListResponse> = {}): ActivityListResponse {
  return { rows, total: rows.length, page: 1, pageSize: 100, nextCursor: null, ...overrides };
}

/** A Standard Webhooks channel about every connector's status, enabled, never delivered to. */
export function makeChannel(overrides: Partial<ChannelView> = {}): ChannelView {
  return {
    id: "ch1",
    name: "On-call webhook",
    kind: "webhook",
    urlHint: "https://hooks.example.com/…nect",
    format: "standard",
    recipients: [],
    events: ["connector.status_changed"],
    connectorIds: null,
    alertMinSeverity: "low",
    alertHourlyLimit: null,
    alertsHeldBack: 0,
    lastHeldBackAt: null,
    enabled: true,
    createdAt: "2026-11-28T09:00:00.000Z",
    updatedAt: "2026-11-28T09:00:00.000Z",
    lastAttempt: null,
    ...overrides,
  };
}

/** An email channel to two people about one connector. */
export function makeEmailChannel(overrides: Partial<ChannelView> = {}): ChannelView {
  return makeChannel({
    id: "ch2",
    name: "HR systems team",
    kind: "email",
    urlHint: null,
    format: null,
    recipients: ["hr-it@example.com", "ops@example.com"],
    connectorIds: ["c1"],
    ...overrides,
  });
}

/** The first attempt of a status change, delivered. */
export function makeAttempt(overrides: Partial<DeliveryAttempt> = {}): DeliveryAttempt {
  return {
    at: "2026-11-29T10:00:05.000Z",
    eventId: "msg_1",
    eventType: "connector.status_changed",
    connectorId: "c1",
    attempt: 1,
    outcome: "delivered",
    answer: "HTTP 200",
    nextAttemptAt: null,
    ...overrides,
  };
}
