import { describe, expect, it } from "vitest";
import * as workday from "../src/index";

describe("package entry", () => {
  it("when imported, then every runtime export others code against is there", () => {
    for (const name of [
      "parseEndpoint",
      "parseHostAllowList",
      "isHostAllowed",
      "checkTenantConsistency",
      "guessEnvironment",
      "withRedirectN",
      "effectiveAuthorizationUrl",
      "PREREQUISITES",
      "PREREQUISITE_NOTES",
      "TENANT_SETUP_STEPS",
      "registrationValues",
      "DONE_PAGE_VALUES",
      "parseApiClientBlock",
      "activityLoggingUrl",
      "workersUrl",
      "redirectUriFor",
      "REASON_CODES",
      "TROUBLESHOOTING",
      "classifyTokenError",
      "classifyAuthorizeError",
      "CONNECTOR_NAME_MAX",
      "normaliseConnectorName",
      "findHiddenCharacter",
      "hiddenCharacterMessage",
      "authorizeRequestParamsIn",
      "withoutAuthorizeRequestParams",
      "CONSENT_REASON_CODES",
      "HEALTH_REASON_CODES",
      "CONSENT_TROUBLESHOOTING",
      "HEALTH_TROUBLESHOOTING",
      "CHECKS",
      "classifyCheckResponse",
      "nextHealth",
      "parseRetryAfter",
      "backoffDelayMs",
      "setupKeyLabel",
      "renderTroubleshootingMarkdown",
      "TROUBLESHOOTING_DOC_PATH",
      "TROUBLESHOOTING_DOC_COMMAND",
      "parseActivityPage",
      "activityRowKey",
      "planWindow",
      "startCursor",
      "advanceCursor",
      "offsetRefused",
      "classifyActivityAnswer",
      "parseWorkersPage",
    ]) {
      expect(workday, name).toHaveProperty(name);
    }
  });
});
