import type { HealthReasonCode } from "./reason-codes";
import type { HealthStatus, TroubleshootingEntry } from "./troubleshooting-entry";

type HealthEntry = TroubleshootingEntry & { status: HealthStatus };

const ACTIVATE =
  'Run "Activate Pending Security Policy Changes" (with a comment) and confirm. A change that is not activated has no effect, and that is the most common reason this message stays.';
const SCOPE_TOO = 'If the permission is already there and activated, check the API client\'s Scope (Functional Areas) in "View API Clients"';
const RETRIES = "Nothing to do yet. The console retries on its own, waiting longer each time, and waits as long as Workday's Retry-After header asks.";
const PERSISTS = "If it lasts for hours, check Workday's status and maintenance schedule.";

/**
 * Health reason codes in Workday's own terms (docs/workday.md §2, §4, §5 "Troubleshooting rows").
 * Statuses as in docs/troubleshooting.md: a definitive auth failure needs a reconnect, a missing prerequisite is
 * the Workday admin's to fix, and a transient one is retried.
 */
export const HEALTH_TROUBLESHOOTING: Record<HealthReasonCode, HealthEntry> = {
  refresh_invalid_grant: {
    status: "relink_needed",
    transient: false,
    title: "Workday no longer accepts the connection's refresh token",
    meaning: 'Workday answered the token refresh with 400 {"error":"invalid_grant"}. The consent behind this connection is no longer valid.',
    causes: [
      "The Workday account that selected Allow is locked or disabled. This is the cause Workday documents.",
      'Its refresh token was deleted in "Manage Refresh Tokens for Integrations".',
      "The API client was registered with Non-Expiring Refresh Tokens = No, and the token expired after a long time without use.",
    ],
    steps: [
      'In Workday, run "View Sign-on History" for the account that consented and check that it is not locked or disabled (for example "System Account is disabled"). Unlock it, or use an active Integration System User.',
      'If the API client has Non-Expiring Refresh Tokens = No, set it to Yes: in "View API Clients" open the client and edit it from its related actions.',
      "Select Reconnect and allow access again.",
    ],
    reconnect: true,
  },
  sandbox_refreshed: {
    status: "relink_needed",
    transient: false,
    title: "The sandbox was refreshed: reconnect",
    meaning:
      "Workday answered invalid_grant for a sandbox or implementation tenant. Workday refreshes sandboxes every week (Fridays, 6 pm Pacific) with a copy of production, and that ends every consent given in the sandbox.",
    causes: ["The weekly sandbox refresh replaced the tenant.", 'Less likely: the account that consented is locked or disabled (see "View Sign-on History").'],
    steps: [
      'In Workday, check that the API client still exists ("View API Clients"). If the refresh removed it, run "Register API Client" again and enter the new Client ID, Client Secret and endpoints with Edit details.',
      "Select Reconnect and allow access again. Expect to do this after every sandbox refresh.",
    ],
    reconnect: true,
  },
  refresh_invalid_client: {
    status: "relink_needed",
    transient: false,
    field: "clientSecret",
    title: "Workday no longer accepts the client credentials",
    meaning: 'Workday answered the token refresh with 401 {"error":"invalid_client"}. The Client ID or Client Secret saved here is no longer valid.',
    causes: [
      'Someone ran "Generate New Client Secret" for this API client, which replaces the old secret.',
      "The API client was deleted in Workday.",
      "Switching off OAuth 2.0 Clients Enabled in Edit Tenant Setup – Security can also cause this.",
    ],
    steps: [
      'In Workday, open "View API Clients" and find the client. If it is gone, run "Register API Client" again.',
      'Run "Generate New Client Secret" on the client and copy the new secret straight away: Workday shows it only once.',
      "Select Edit details, enter the Client ID and the new Client Secret, save, then select Reconnect.",
    ],
    reconnect: true,
  },
  access_token_rejected: {
    status: "relink_needed",
    transient: false,
    title: "Workday rejects the access token it just issued",
    meaning: "An access token that Workday had just issued got 401 from the Workday REST API.",
    causes: [
      "The consent was revoked between the token refresh and the API call.",
      "The Workday REST API Endpoint belongs to a different tenant than the Token Endpoint.",
    ],
    steps: ['Check that the three endpoints on this connector come from the same "View API Clients" page.', "Select Reconnect and allow access again."],
    reconnect: true,
  },
  permission_system_auditing: {
    status: "action_required",
    transient: false,
    prerequisite: "system_auditing",
    title: "Missing permission: System Auditing",
    meaning:
      'Workday answered 403 {"error":"permission denied"} when the connector read user activity. The security group of the account that consented cannot use the System Auditing domain.',
    causes: [
      "The permission was added, but the pending security policy changes were not activated. This is the most common cause.",
      "The security group lacks View (report/task) and Get (integration) on the System Auditing domain policy.",
      "The API client's Scope (Functional Areas) lacks System.",
    ],
    steps: [
      'In Workday, search for "Domain Security Policies for Functional Area", choose System, and on System Auditing give the security group View (report/task) and Get (integration).',
      ACTIVATE,
      `${SCOPE_TOO}: it must include System. If you change the scope, select Reconnect afterwards.`,
      "Select Run checks now. The connector returns to Connected by itself once the check passes.",
    ],
    reconnect: false,
  },
  permission_worker_data: {
    status: "action_required",
    transient: false,
    prerequisite: "worker_public_reports",
    title: "Missing permission: Worker Data: Public Worker Reports",
    meaning:
      'Workday answered 403 {"error":"permission denied"} when the connector listed workers. The security group cannot use Worker Data: Public Worker Reports.',
    causes: [
      "The permission was added, but the pending security policy changes were not activated. This is the most common cause.",
      "The security group lacks View (report/task) and Get (integration) on Worker Data: Public Worker Reports (functional area Staffing).",
      "The API client's Scope (Functional Areas) lacks Staffing.",
    ],
    steps: [
      'In Workday, search for "Domain Security Policies for Functional Area", choose Staffing, open Worker Data: Staffing › Worker Data: Public Worker Reports and give the security group View (report/task) and Get (integration).',
      ACTIVATE,
      `${SCOPE_TOO}: it must include Staffing. If you change the scope, select Reconnect afterwards.`,
      "Select Run checks now. The connector returns to Connected by itself once the check passes.",
    ],
    reconnect: false,
  },
  activity_logging_disabled: {
    status: "action_required",
    transient: false,
    prerequisite: "user_activity_logging",
    title: "User Activity Logging is off",
    meaning:
      'Workday returned no user activity at all since the connection was made, not even the consent itself, which Workday records as "Submit OAuth 2.0 Consent". That happens when User Activity Logging is switched off. This is inferred: Workday documents no specific answer.',
    causes: ['"Enable User Activity Logging" is not ticked in Edit Tenant Setup – System.'],
    steps: [
      'In Workday, run "Edit Tenant Setup – System" and, under User Activity Logging, tick "Enable User Activity Logging".',
      "Wait a few minutes, then select Run checks now. Workday then logs the connector's own API calls, so the check finds activity.",
      "If the check still finds nothing, select Reconnect so that Workday records the new consent.",
    ],
    reconnect: false,
  },
  rest_endpoint_not_found: {
    status: "action_required",
    transient: false,
    field: "restApiEndpoint",
    title: "The Workday REST API Endpoint is wrong",
    meaning: "The Workday REST API answered 404 Resource not found: there is no such API at the saved Workday REST API Endpoint.",
    causes: [
      "The Workday REST API Endpoint has a typo in the tenant name.",
      "Another URL (the Token Endpoint, the Authorization Endpoint, or a page address) was pasted into the Workday REST API Endpoint field.",
    ],
    steps: [
      'In Workday, run "View API Clients" and copy "Workday REST API Endpoint" from the top of the page. It ends with /ccx/api/v1/{tenant}.',
      "Select Edit details, paste it and save. Changing an endpoint needs a new consent, so then select Reconnect.",
    ],
    reconnect: true,
  },
  scope_missing: {
    status: "action_required",
    transient: false,
    title: "The API client's scope is missing a functional area",
    meaning: "Workday answered 403 and named the scope or functional area: the API client is not allowed to use this API, whatever the account's permissions.",
    causes: ["The API client's Scope (Functional Areas) lacks Staffing (for workers) or System (for user activity)."],
    steps: [
      'In Workday, run "View API Clients", open the client, edit it from its related actions and add Staffing and System to Scope (Functional Areas).',
      "Select Reconnect and allow access again: the new scope applies only to a new consent.",
    ],
    reconnect: true,
  },
  workday_unavailable: {
    status: "degraded",
    transient: true,
    title: "Workday is not answering properly",
    meaning: "Workday answered with a server error (5xx), or the connection was reset. The stored consent is kept.",
    causes: ["A Workday service interruption or maintenance window.", "A network problem between this console and Workday."],
    steps: [RETRIES, PERSISTS, "If Workday is up, check the network path (proxy, firewall, DNS) from this console to the Workday host."],
    reconnect: false,
  },
  workday_timeout: {
    status: "degraded",
    transient: true,
    title: "Workday did not answer in time",
    meaning: "A request to Workday timed out. The stored consent is kept.",
    causes: ["Workday is slow or in a maintenance window.", "A proxy or firewall drops the connection."],
    steps: [RETRIES, PERSISTS, "If Workday is up, check the network path from this console and its outbound timeout."],
    reconnect: false,
  },
  rate_limited: {
    status: "degraded",
    transient: true,
    title: "Workday is limiting requests",
    meaning: "Workday answered 429 Too Many Requests. The console waits as long as Workday's Retry-After header asks before trying again.",
    causes: ["Too many API calls for this tenant or API client in a short time, from this console or from other integrations."],
    steps: [RETRIES, "If it lasts, reduce the load that other integrations put on the same API client, or give this console an API client of its own."],
    reconnect: false,
  },
  malformed_response: {
    status: "degraded",
    transient: true,
    title: "Workday's answer could not be read",
    meaning: "Workday answered with something other than the JSON the connector expects.",
    causes: ["A proxy or captive portal answered instead of Workday.", "A temporary Workday fault or maintenance page."],
    steps: [RETRIES, PERSISTS, 'If Workday is up, check that the endpoints match "View API Clients" and that no proxy rewrites the answers.'],
    reconnect: false,
  },
  disconnected_by_admin: {
    status: "disconnected",
    transient: false,
    title: "Disconnected by an admin",
    meaning: "An admin disconnected this connector and its tokens were deleted. Its details and history are kept.",
    causes: ["Someone selected Disconnect."],
    steps: [
      'To also revoke access in Workday: "View API Clients" → API Clients for Integrations → the client → Manage Refresh Tokens for Integrations → tick Delete for the account.',
      "To connect again, select Reconnect.",
    ],
    reconnect: true,
  },
};
