import type { ConnectorRecord } from "../store/types";

type Codec = { col: string; toDb?: (v: unknown) => unknown; fromDb?: (v: unknown) => unknown };

const json: Pick<Codec, "toDb" | "fromDb"> = {
  toDb: (v) => (v === null ? null : JSON.stringify(v)),
  fromDb: (v) => (typeof v === "string" ? (JSON.parse(v) as unknown) : null),
};
// SQLite has no boolean type and stores 0/1; PostgreSQL's BOOLEAN reads back as true/false and
// accepts 0/1 on the way in, so one codec serves both engines.
const bool: Pick<Codec, "toDb" | "fromDb"> = { toDb: (v) => (v ? 1 : 0), fromDb: (v) => v === 1 || v === true };

/** Field ↔ column mapping shared by every SQL store, so a new field is added in one place. */
export const CONNECTOR_COLUMNS: Record<keyof ConnectorRecord, Codec> = {
  id: { col: "id" },
  name: { col: "name" },
  status: { col: "status" },
  reasonCode: { col: "reason_code" },
  wizardStep: { col: "wizard_step" },
  prerequisites: { col: "prerequisites", ...json },
  tenantSetup: { col: "tenant_setup", ...json },
  tenant: { col: "tenant" },
  environment: { col: "environment" },
  environmentSource: { col: "environment_source" },
  environmentReason: { col: "environment_reason" },
  clientId: { col: "client_id" },
  clientSecretEnc: { col: "client_secret_enc" },
  clientSecretHint: { col: "client_secret_hint" },
  restApiEndpoint: { col: "rest_api_endpoint" },
  tokenEndpoint: { col: "token_endpoint" },
  authorizationEndpoint: { col: "authorization_endpoint" },
  samlSso: { col: "saml_sso", ...bool },
  clientAuthMethod: { col: "client_auth_method" },
  refreshTokenEnc: { col: "refresh_token_enc" },
  accessTokenEnc: { col: "access_token_enc" },
  accessTokenExpiresAt: { col: "access_token_expires_at" },
  consentGrantedBy: { col: "consent_granted_by" },
  workdayAddress: { col: "workday_address" },
  consentingAccount: { col: "consenting_account", ...json },
  connectedAt: { col: "connected_at" },
  lastCheckAt: { col: "last_check_at" },
  lastSuccessAt: { col: "last_success_at" },
  lastConsent: { col: "last_consent", ...json },
  consecutiveTransientFailures: { col: "consecutive_transient_failures" },
  notifiedStatus: { col: "notified_status" },
  healthyStreak: { col: "healthy_streak" },
  nextCheckAt: { col: "next_check_at" },
  lastChecks: { col: "last_checks", ...json },
  lastErrorDetail: { col: "last_error_detail" },
  createdBy: { col: "created_by" },
  createdAt: { col: "created_at" },
  updatedAt: { col: "updated_at" },
};

const FIELDS = Object.keys(CONNECTOR_COLUMNS) as (keyof ConnectorRecord)[];

export function connectorToRow(rec: Partial<ConnectorRecord>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if (!(f in rec)) continue;
    const c = CONNECTOR_COLUMNS[f];
    const v = rec[f] ?? null;
    row[c.col] = c.toDb ? c.toDb(v) : v;
  }
  return row;
}

export function connectorFromRow(row: Record<string, unknown>): ConnectorRecord {
  const rec: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const c = CONNECTOR_COLUMNS[f];
    const v = row[c.col] ?? null;
    rec[f] = c.fromDb ? c.fromDb(v) : v;
  }
  return rec as unknown as ConnectorRecord;
}
