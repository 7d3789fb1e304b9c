import { redirectSelfTestResponseSchema, routes } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

/**
 * Calls the connector's Redirection URI from this browser, as Workday's redirect will. Redirects
 * are not followed: the URI must land on this console's callback itself.
 */
export function testRedirectUri(redirectUri: string) {
  return apiClient.getWithoutRedirect(routes.redirectSelfTest(redirectUri), redirectSelfTestResponseSchema);
}
