import { describe, expect, it } from "vitest";
import { connectorSchema } from "../src";

describe("connector response schema", () => {
  it("when a response carries a field the contract does not know (say, a secret by mistake), then parsing drops it", () => {
    const base = {
      id: "c1",
      name: "n",
      status: "connected",
      reasonCode: null,
      tenant: "acme",
      environment: "production",
      wizardStep: "done",
      connectedAt: null,
      lastSuccessAt: null,
      createdAt: "t",
      createdBy: "u",
      updatedAt: "t",
      prerequisites: {},
      tenantSetup: {},
      environmentSource: null,
      environmentReason: null,
      clientId: "id",
      clientSecretSet: true,
      clientSecretHint: "abcd",
      restApiEndpoint: null,
      tokenEndpoint: null,
      authorizationEndpoint: null,
      effectiveAuthorizationUrl: null,
      samlSso: false,
      clientAuthMethod: "client_secret_basic",
      redirectUri: "r",
      consentGrantedBy: null,
      workdayAddress: null,
      consentedBy: { known: false, reason: "not_connected", explanation: "Not connected." },
      lastCheckAt: null,
      lastConsent: null,
      lastErrorDetail: null,
      consecutiveTransientFailures: 0,
      nextCheckAt: null,
      lastChecks: null,
    };
    const parsed = connectorSchema.parse({ ...base, clientSecret: "leaked", refreshToken: "leaked" });
    expect(JSON.stringify(parsed)).not.toContain("leaked");
  });
});
