import {
  CHECK_IDS,
  type AuditEntry,
  type CheckResult,
  type Connector,
  type ConnectorSummary,
  type PublicConfig,
  type SessionResponse,
  type TimelineEntry,
  type User,
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
