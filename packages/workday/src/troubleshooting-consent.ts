import type { ConsentReasonCode } from "./reason-codes";
import type { TroubleshootingEntry } from "./troubleshooting-entry";

const CONNECT_AGAIN = "Select Connect again.";

/**
 * Why a consent attempt failed, plus the two statuses before a first consent. Causes marked "can"
 * are inferred (docs/workday.md §2–§3 has Workday's answers for invalid_grant and invalid_client only).
 */
export const CONSENT_TROUBLESHOOTING: Record<ConsentReasonCode, TroubleshootingEntry> = {
  consent_denied: {
    status: null,
    transient: false,
    title: "Access was not allowed in Workday",
    meaning: "Workday answered access_denied: the account that signed in did not select Allow, or Workday did not let it grant access.",
    causes: [
      "Deny or Cancel was selected on Workday's consent page.",
      "The account that signed in is not in the security group with the permissions from the prerequisites table.",
      "A different Workday account signed in than the one prepared for this connection.",
    ],
    steps: [
      "Check that the account is in the security group with the prerequisite permissions and that Activate Pending Security Policy Changes was run.",
      "Select Connect again, sign in with that account (an Integration System User is recommended) and select Allow.",
    ],
    reconnect: true,
  },
  oauth_clients_disabled: {
    status: null,
    transient: false,
    prerequisite: "oauth_clients_enabled",
    title: "OAuth 2.0 clients are switched off in this tenant",
    meaning: "The tenant does not accept OAuth 2.0 API clients, so Workday cannot show its consent page.",
    causes: [
      "OAuth 2.0 Clients Enabled is not ticked in Edit Tenant Setup – Security.",
      "It was switched on in another tenant (for example production instead of the sandbox).",
    ],
    steps: [
      "In Workday, search for the task Edit Tenant Setup – Security.",
      "Under OAuth 2.0 Settings, tick OAuth 2.0 Clients Enabled and select OK.",
      CONNECT_AGAIN,
    ],
    reconnect: true,
  },
  unknown_client: {
    status: null,
    transient: false,
    title: "Workday does not recognise the Client ID",
    meaning:
      "Workday showed an error about the client instead of its sign-in or consent page: no API client with this Client ID exists in the tenant of the Authorization Endpoint.",
    causes: [
      "The Client ID was mistyped or copied only in part.",
      "The API client was registered in another tenant than the Authorization Endpoint points to.",
      "The API client was removed, or a sandbox refresh replaced the tenant's API clients with production's.",
    ],
    steps: [
      "In Workday, run View API Clients and find this API client; if it is missing, register it again with Register API Client.",
      "Copy its Client ID into the Client ID field (copy rather than retype), and check that the endpoints come from the same page.",
      CONNECT_AGAIN,
    ],
    reconnect: true,
    field: "clientId",
  },
  redirect_uri_mismatch: {
    status: null,
    transient: false,
    title: "The Redirection URI does not match",
    meaning: "Workday returns only to the Redirection URI registered on the API client, and it must match this connector's exactly.",
    causes: [
      "The Redirection URI on the API client differs by a character (http or https, a trailing slash, another host).",
      "The API client was registered for another connector: each connector has its own Redirection URI.",
      "The console's public address changed after the API client was registered.",
    ],
    steps: [
      "Copy this connector's Redirection URI from the Register API Client step of the wizard.",
      "In Workday, run View API Clients, open the API client, edit it from its related actions and paste the Redirection URI exactly.",
      CONNECT_AGAIN,
    ],
    reconnect: true,
  },
  saml_sso_redirect: {
    status: null,
    transient: false,
    title: "Workday sent you to your company sign-in page",
    meaning:
      "The tenant signs in with SAML single sign-on, so Workday passed the sign-in to your identity provider instead of showing Workday's own sign-in page.",
    causes: [
      "The tenant uses SAML SSO and the Authorization Endpoint was opened without redirect=n.",
      "The account meant to consent, such as an Integration System User, has no single sign-on identity.",
    ],
    steps: [
      'In the connection details, tick "This tenant signs in with SAML SSO": the console then adds redirect=n to the Authorization Endpoint, as Microsoft documents for Workday.',
      "Select Connect again and sign in on Workday's own page with the account that has the prerequisite permissions.",
    ],
    reconnect: true,
    field: "samlSso",
  },
  invalid_client: {
    status: null,
    transient: false,
    title: "Workday rejected the Client ID and Client Secret",
    meaning: "Workday's token endpoint answered invalid_client (HTTP 401): it did not accept this Client ID and Client Secret together.",
    causes: [
      "The Client Secret was mistyped, copied only in part, or belongs to another API client.",
      "Generate New Client Secret was used in Workday, which replaces the old secret.",
      "The API client was removed, or a sandbox refresh replaced the tenant's API clients.",
      "The API client is not registered with Client Grant Type Authorization Code Grant.",
    ],
    steps: [
      "In Workday, run View API Clients and open this API client; check its Client ID and Client Grant Type.",
      "Use Generate New Client Secret and copy the secret straight away: Workday shows it only once.",
      "Paste it into the Client Secret field, save, then select Connect again.",
    ],
    reconnect: true,
    field: "clientSecret",
  },
  invalid_grant: {
    status: null,
    transient: false,
    title: "Workday refused the authorization",
    meaning: "Workday's token endpoint answered invalid_grant (HTTP 400): the authorization is no longer valid, or the account that gave it cannot be used.",
    causes: [
      "The one-time code from Workday was already used or expired (for example after a page reload or a long pause).",
      "The Workday account that gave consent is locked or disabled.",
      "A sandbox refresh ended the authorization.",
    ],
    steps: [
      'In Workday, run View Sign-on History for the account that gave consent and look for a locked or disabled account (for example "System Account is disabled").',
      "Unlock or re-enable it, or use another account with the prerequisite permissions.",
      "Select Connect again and select Allow in Workday.",
    ],
    reconnect: true,
  },
  state_invalid: {
    status: null,
    transient: false,
    title: "The connection attempt expired or did not match",
    meaning: "Workday's answer did not belong to a connection attempt started in this browser session within the last 10 minutes, so it was not trusted.",
    causes: [
      "More than 10 minutes passed between selecting Connect and selecting Allow.",
      "Workday's answer was opened twice (a reload or the browser's back button).",
      "The attempt was started in another browser or by another admin, or you signed out of the console in between.",
    ],
    steps: ["Close any leftover Workday windows.", "Select Connect again and finish signing in and selecting Allow within 10 minutes."],
    reconnect: true,
  },
  token_endpoint_unavailable: {
    status: null,
    transient: true,
    title: "Workday's token endpoint did not answer",
    meaning:
      "The token endpoint timed out, dropped the connection, or answered with a server error or too many requests. Nothing is wrong with the authorization itself.",
    causes: [
      "Workday is briefly unavailable or in a maintenance window.",
      "Too many requests in a short time (HTTP 429).",
      "A network problem between this console and Workday (proxy, firewall, DNS).",
    ],
    steps: [
      "Wait a few minutes: the connector keeps its authorization and retries by itself.",
      "If it keeps happening, check that the Token Endpoint matches View API Clients exactly.",
      "If it still fails, ask whoever runs this console to check outbound https access to the Workday host.",
    ],
    reconnect: false,
  },
  token_endpoint_malformed: {
    status: null,
    transient: false,
    title: "Workday's token endpoint gave an unexpected answer",
    meaning: "The answer was not the OAuth 2.0 token response the console expects, so nothing was stored.",
    causes: [
      "The Token Endpoint field holds another URL (for example the Authorization Endpoint or the REST API Endpoint).",
      "A proxy or captive portal answered instead of Workday.",
      "Workday answered with an error this console does not know.",
    ],
    steps: [
      "Compare the Token Endpoint with View API Clients: it ends in /ccx/oauth2/{tenant}/token.",
      "Correct it if needed, save, and select Connect again.",
      "If it keeps happening, note the time and contact whoever runs this console.",
    ],
    reconnect: true,
    field: "tokenEndpoint",
  },
  token_endpoint_not_found: {
    status: null,
    transient: false,
    title: "No token endpoint at that address",
    meaning: "Workday answered 404 Not Found (or 405): the Token Endpoint does not point to this tenant's token endpoint.",
    causes: [
      "A typo in the tenant name or the path of the Token Endpoint.",
      "The Token Endpoint was copied from another tenant.",
      "Another URL was pasted into the Token Endpoint field.",
    ],
    steps: [
      "In Workday, run View API Clients and copy the Token Endpoint from the top of the page.",
      "Paste it into the Token Endpoint field, save, and select Connect again.",
    ],
    reconnect: true,
    field: "tokenEndpoint",
  },
  popup_closed: {
    status: null,
    transient: false,
    title: "The Workday window was closed",
    meaning: "The pop-up closed before Workday answered, so no consent was recorded.",
    causes: [
      "The window was closed before Allow was selected.",
      "A pop-up blocker or browser extension closed it.",
      "Sign-in was not finished (for example a second sign-in factor was abandoned).",
      "Workday showed an error page instead of its sign-in: OAuth 2.0 Clients Enabled is off, the Client ID is not a registered API client, or the API client's Redirection URI is not this connector's.",
      "The company's own sign-in page appeared instead of Workday's: the tenant uses SAML SSO.",
    ],
    steps: [
      'If Workday showed an error page: check "Edit Tenant Setup – Security" → OAuth 2.0 Clients Enabled, and in "View API Clients" that the Client ID matches and the Redirection URI is exactly the one on the Register API client step.',
      'If the company sign-in page appeared: go back to Enter details and tick "This tenant signs in with SAML SSO".',
      "Select Connect again and keep the Workday window open until it closes by itself.",
      "If pop-ups are blocked, allow them for this console, or use the option to continue in this window.",
    ],
    reconnect: true,
  },
  authorize_error: {
    status: null,
    transient: false,
    title: "Workday reported an error during sign-in",
    meaning: "Workday returned an OAuth 2.0 error other than a refusal, so no consent was given.",
    causes: [
      "The API client's registration does not match the Register API Client step (for example Client Grant Type).",
      "The Authorization Endpoint belongs to another tenant.",
      "A temporary problem in Workday.",
    ],
    steps: [
      "In Workday, run View API Clients and compare the API client with the values from the Register API Client step.",
      "Check that the Authorization Endpoint matches View API Clients exactly.",
      "Select Connect again; if the same error returns, note the error code shown and contact whoever runs this console.",
    ],
    reconnect: true,
    field: "authorizationEndpoint",
  },
  consent_not_started: {
    status: "pending_authorization",
    transient: false,
    title: "Workday access has not been allowed yet",
    meaning: "The connection details are saved, but nobody has signed in to Workday and selected Allow for this connector yet.",
    causes: ["The wizard was left before the Connect step.", "The last connection attempt was abandoned or failed."],
    steps: ["Open this connector and select Connect.", "Sign in to Workday with the account that has the prerequisite permissions and select Allow."],
    reconnect: true,
  },
  setup_incomplete: {
    status: "pending_configuration",
    transient: false,
    title: "Setup is not finished",
    meaning: "The connector was created, but the wizard has not reached the point where the client details are saved.",
    causes: ["The wizard was left before the Enter details step was saved."],
    steps: ["Open App Connectors and select Resume setup on this connector.", "Finish the steps up to Enter details, then Connect Workday."],
    reconnect: false,
  },
};
