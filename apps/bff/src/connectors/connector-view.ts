import type { Connector, ConnectorSummary } from "@wc/contracts";
import { effectiveAuthorizationUrl, redirectUriFor } from "@wc/workday";
import type { ConnectorRecord } from "../store/types";

export function toSummary(c: ConnectorRecord): ConnectorSummary {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    reasonCode: c.reasonCode,
    tenant: c.tenant,
    environment: c.environment,
    wizardStep: c.wizardStep,
    connectedAt: c.connectedAt,
    lastSuccessAt: c.lastSuccessAt,
    createdAt: c.createdAt,
  };
}

/** The browser's view of a connector: ciphertext fields are dropped here, never sent. */
export function toView(c: ConnectorRecord, publicUrl: string): Connector {
  return {
    ...toSummary(c),
    createdBy: c.createdBy,
    updatedAt: c.updatedAt,
    prerequisites: c.prerequisites,
    tenantSetup: c.tenantSetup,
    environmentSource: c.environmentSource,
    environmentReason: c.environmentReason,
    clientId: c.clientId,
    clientSecretSet: c.clientSecretEnc !== null,
    clientSecretHint: c.clientSecretHint,
    restApiEndpoint: c.restApiEndpoint,
    tokenEndpoint: c.tokenEndpoint,
    authorizationEndpoint: c.authorizationEndpoint,
    effectiveAuthorizationUrl: c.authorizationEndpoint ? effectiveAuthorizationUrl(c.authorizationEndpoint, c.samlSso) : null,
    samlSso: c.samlSso,
    clientAuthMethod: c.clientAuthMethod,
    redirectUri: redirectUriFor(publicUrl, c.id),
    consentGrantedBy: c.consentGrantedBy,
    lastCheckAt: c.lastCheckAt,
    lastConsent: c.lastConsent,
    lastErrorDetail: c.lastErrorDetail,
    consecutiveTransientFailures: c.consecutiveTransientFailures,
    nextCheckAt: c.nextCheckAt,
    lastChecks: c.lastChecks,
  };
}
