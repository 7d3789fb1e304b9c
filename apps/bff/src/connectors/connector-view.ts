import { shownDetailsOf, type Connector, type ConnectorSummary, type DetailsView } from "@wc/contracts";
import { addressOfAuthorizationEndpoint, consentedByOf, effectiveAuthorizationUrl, formatWorkdayAddress, redirectUriFor } from "@wc/workday";
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

/** The details as the browser sees them: the secret only as whether one is set and its last characters. */
function detailsViewOf(c: ConnectorRecord): DetailsView {
  return { ...shownDetailsOf(c), clientSecretSet: c.clientSecretEnc !== null, clientSecretHint: c.clientSecretHint };
}

function derivedAddress(authorizationEndpoint: string | null): string | null {
  const a = authorizationEndpoint === null ? null : addressOfAuthorizationEndpoint(authorizationEndpoint);
  return a === null ? null : formatWorkdayAddress(a);
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
    ...detailsViewOf(c),
    effectiveAuthorizationUrl: c.authorizationEndpoint ? effectiveAuthorizationUrl(c.authorizationEndpoint, c.samlSso) : null,
    redirectUri: redirectUriFor(publicUrl, c.id),
    consentGrantedBy: c.consentGrantedBy,
    workdayAddress: c.workdayAddress ?? derivedAddress(c.authorizationEndpoint),
    consentedBy: consentedByOf(c),
    lastCheckAt: c.lastCheckAt,
    lastConsent: c.lastConsent,
    lastErrorDetail: c.lastErrorDetail,
    consecutiveTransientFailures: c.consecutiveTransientFailures,
    nextCheckAt: c.nextCheckAt,
    lastChecks: c.lastChecks,
  };
}
