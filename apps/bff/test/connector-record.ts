import type { ConnectorRecord } from "../src/store/types";

const at = "2026-11-29T10:00:00.000Z";

/** A stored connector with every field present (null or empty), for tests that write to a store directly. */
export function connectorRecord(id: string, over: Partial<ConnectorRecord> = {}): ConnectorRecord {
  return {
    id,
    name: id,
    status: "connected",
    reasonCode: null,
    wizardStep: "done",
    prerequisites: {},
    tenantSetup: {},
    tenant: null,
    environment: null,
    environmentSource: null,
    environmentReason: null,
    clientId: null,
    clientSecretEnc: null,
    clientSecretHint: null,
    restApiEndpoint: null,
    tokenEndpoint: null,
    authorizationEndpoint: null,
    samlSso: false,
    clientAuthMethod: "client_secret_basic",
    refreshTokenEnc: null,
    accessTokenEnc: null,
    accessTokenExpiresAt: null,
    consentGrantedBy: null,
    workdayAddress: null,
    consentingAccount: null,
    connectedAt: null,
    lastCheckAt: null,
    lastSuccessAt: null,
    lastConsent: null,
    consecutiveTransientFailures: 0,
    notifiedStatus: null,
    healthyStreak: 0,
    nextCheckAt: null,
    lastChecks: null,
    lastErrorDetail: null,
    createdBy: "t",
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}
